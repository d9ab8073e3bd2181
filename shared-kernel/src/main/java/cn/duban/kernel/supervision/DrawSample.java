package cn.duban.kernel.supervision;

import java.time.LocalDate;

/**
 * Draw a random sample (抽查) of a unit's records of one kind within a period. The sample id names
 * the scope (see {@link cn.duban.kernel.AggregateIds#sample}), so the same scope is drawn once;
 * {@code seed} may be given to redo a paper draw, else one is generated and recorded.
 */
public record DrawSample(String sampleId, String unitId, SampleKind kind, LocalDate from, LocalDate to, int size, Long seed) {
}
