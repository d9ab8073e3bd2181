package cn.duban.kernel.scoring;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class YearEndTest {
    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void theAssessedScoreAndTheInspectionsMeanAreWeighedBySupervisionWeight() {
        YearEnd.Weighed w = YearEnd.weigh(d("90"), List.of(d("80"), d("85")), d("0.3"));
        assertThat(w.inspectionMean()).isEqualByComparingTo("82.5");
        assertThat(w.yearEnd()).isEqualByComparingTo("87.75"); // 0.7 × 90 + 0.3 × 82.5
    }

    @Test
    void withoutInspectionsOrWeightTheAssessedScoreStands() {
        assertThat(YearEnd.weigh(d("91.456"), List.of(), d("0.3"))).satisfies(w -> {
            assertThat(w.inspectionMean()).isNull();
            assertThat(w.yearEnd()).isEqualByComparingTo("91.46");
        });
        assertThat(YearEnd.weigh(d("88"), List.of(d("60")), null).yearEnd()).isEqualByComparingTo("88");
    }

    @Test
    void gradesByBandsAndAVetoFailsWhateverTheScore() {
        assertThat(YearEnd.Grade.of(d("90"), false).label()).isEqualTo("优秀");
        assertThat(YearEnd.Grade.of(d("89.99"), false).label()).isEqualTo("良好");
        assertThat(YearEnd.Grade.of(d("80"), false).label()).isEqualTo("良好");
        assertThat(YearEnd.Grade.of(d("60"), false).label()).isEqualTo("合格");
        assertThat(YearEnd.Grade.of(d("59.99"), false).label()).isEqualTo("不合格");
        assertThat(YearEnd.Grade.of(d("99"), true).label()).isEqualTo("不合格（一票否决）");
    }
}
