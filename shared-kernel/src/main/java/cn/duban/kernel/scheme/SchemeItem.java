package cn.duban.kernel.scheme;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.util.List;

/**
 * One row of an assessment table (考核内容 / 分值 / 评分标准).
 *
 * @param standard the scoring standard as the source document words it (评分标准), kept verbatim
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SchemeItem(
        String code,
        String category,
        String title,
        BigDecimal max,
        Base base,
        Boolean bonus,
        AppliesTo appliesTo,
        List<Rule> rules,
        String standard) {

    @JsonIgnore
    public boolean isBonus() {
        return Boolean.TRUE.equals(bonus);
    }

    /** Regular items start full unless told otherwise; bonus items start at zero. */
    @JsonIgnore
    public Base baseOrDefault() {
        if (base != null) {
            return base;
        }
        return isBonus() ? Base.ZERO : Base.FULL;
    }

    @JsonIgnore
    public AppliesTo appliesToOrDefault() {
        return appliesTo == null ? AppliesTo.ALL : appliesTo;
    }

    @JsonIgnore
    public List<Rule> rulesOrEmpty() {
        return rules == null ? List.of() : rules;
    }
}
