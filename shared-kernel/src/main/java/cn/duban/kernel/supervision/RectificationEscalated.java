package cn.duban.kernel.supervision;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** Not rectified by its deadline: the rectification is put under listed supervision (挂牌督办). */
@Revision("1")
public record RectificationEscalated(String rectificationId, String unitId, LocalDate dueOn, LocalDate escalatedOn) implements SupervisionEvent {
}
