package cn.duban.kernel.scheme;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The year's assessment method as a document: the scoring tables of 考核办法 + 考核评分细则.
 * Immutable; a published version is never changed, amendments are new versions.
 *
 * @param supervisionWeight share of the inspection rounds in the year-end result (0.3 in seed 000)
 * @param reportingDeadline  the last day units report the year's figures; until the lead office closes
 *                           reporting, a figure not reported (this year's, or last year's for a
 *                           year-on-year rule) deducts nothing and shows as 待补报. Absent: a missing
 *                           figure deducts at once, as the rule says.
 * @param note               what the method says beside its tables, verbatim: how the score converts
 *                           into the district's target assessment (折合), how inspections count
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SchemeDocument(
        String id,
        Integer year,
        String title,
        BigDecimal supervisionWeight,
        List<SchemeItem> items,
        java.time.LocalDate reportingDeadline,
        String note) {

    /** A scheme without a reporting deadline. */
    public SchemeDocument(String id, Integer year, String title, BigDecimal supervisionWeight, List<SchemeItem> items) {
        this(id, year, title, supervisionWeight, items, null, null);
    }

    /** A scheme with no note beside its tables. */
    public SchemeDocument(String id, Integer year, String title, BigDecimal supervisionWeight, List<SchemeItem> items,
                          java.time.LocalDate reportingDeadline) {
        this(id, year, title, supervisionWeight, items, reportingDeadline, null);
    }

    public Optional<SchemeItem> item(String code) {
        return items == null ? Optional.empty() : items.stream().filter(i -> i.code().equals(code)).findFirst();
    }
}
