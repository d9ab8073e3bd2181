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
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SchemeDocument(
        String id,
        Integer year,
        String title,
        BigDecimal supervisionWeight,
        List<SchemeItem> items) {

    public Optional<SchemeItem> item(String code) {
        return items == null ? Optional.empty() : items.stream().filter(i -> i.code().equals(code)).findFirst();
    }
}
