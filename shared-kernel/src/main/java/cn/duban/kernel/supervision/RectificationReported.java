package cn.duban.kernel.supervision;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** The unit's report of its rectification. */
@Revision("1")
public record RectificationReported(String rectificationId, String unitId, String text, List<String> evidence, LocalDate reportedOn) implements SupervisionEvent {
}
