package cn.duban.kernel.event;

import org.axonframework.serialization.Revision;

/** A disabled user may sign in again. */
@Revision("1")
public record UserEnabled(String username) {
}
