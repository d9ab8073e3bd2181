package cn.duban.kernel.supervision;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A sample drawn: the whole population it was drawn from (record ids, sorted), the seed and the
 * records drawn, so {@link cn.duban.kernel.supervision.SampleDraw} redoes it exactly.
 */
@Revision("1")
public record SampleDrawn(String sampleId, String unitId, SampleKind kind, LocalDate from, LocalDate to, int size, long seed,
                          List<String> population, List<String> drawn, String drawnBy) implements SupervisionEvent {
}
