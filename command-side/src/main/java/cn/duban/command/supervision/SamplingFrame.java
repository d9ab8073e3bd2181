package cn.duban.command.supervision;

import cn.duban.kernel.supervision.SampleKind;

import java.time.LocalDate;
import java.util.List;

/**
 * The sampling frame (抽样框): every record of a unit of one kind whose date falls in a period, as
 * the event store holds them now, less those withdrawn. Trainings, information reports, campaign
 * steps and achievements go by the date they happened; indicator figures, which have only a year,
 * by the day they were reported.
 */
public interface SamplingFrame {
    /** Record ids as {@link SampleKind} defines them, sorted, without duplicates. */
    List<String> records(String unitId, SampleKind kind, LocalDate from, LocalDate to);
}
