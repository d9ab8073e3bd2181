package cn.duban.platform.eventstore;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an {@code Instant} parameter of an event handler that receives the event's recording time
 * ({@link RecordingTime}), where Axon's {@code @Timestamp} would give the message's own timestamp.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface RecordedAt {
}
