package cn.duban.kernel.reporting;

import cn.duban.kernel.error.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IndicatorFigureTest {
    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void aRateWithoutCountsOrMatchingThemWithinRoundingIsAccepted() {
        assertThatCode(() -> IndicatorFigure.requireConsistent("registration_rate", d("96.5"), null, null)).doesNotThrowAnyException();
        assertThatCode(() -> IndicatorFigure.requireConsistent("registration_rate", d("33.33"), d("1"), d("3"))).doesNotThrowAnyException();
    }

    @Test
    void aRateThatDoesNotMatchItsCountsIsRefusedNamingTheField() {
        assertThatThrownBy(() -> IndicatorFigure.requireConsistent("registration_rate", d("96.5"), d("90"), d("100")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("value");
        assertThatThrownBy(() -> IndicatorFigure.requireConsistent("registration_rate", d("100"), d("101"), d("100")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("numerator");
        assertThatThrownBy(() -> IndicatorFigure.requireConsistent("registration_rate", d("0"), d("0"), d("0")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("denominator");
    }

    @Test
    void aRateAbove100IsRefusedButACountMayBeLargeAndWhole() {
        assertThatThrownBy(() -> IndicatorFigure.requireConsistent("registration_rate", d("100.5"), null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("value").hasMessageContaining("百分比");
        assertThatCode(() -> IndicatorFigure.requireConsistent("rental_supply", d("12500"), null, null)).doesNotThrowAnyException();
        assertThatThrownBy(() -> IndicatorFigure.requireConsistent("rental_supply", d("12.5"), null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("value").hasMessageContaining("整数");
        assertThatThrownBy(() -> IndicatorFigure.requireConsistent("rental_supply", d("1000000001"), null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("value");
        assertThatThrownBy(() -> IndicatorFigure.requireConsistent("rental_supply", d("10"), d("1"), d("2")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("numerator");
    }

    @Test
    void theRateCountsGiveIsWorkedOutToOneDecimalAndTheCountsAreCheckedAsAFiguresAre() {
        assertThat(IndicatorFigure.rateOf(d("193"), d("200"))).isEqualByComparingTo("96.5");
        assertThat(IndicatorFigure.rateOf(d("1"), d("3"))).isEqualByComparingTo("33.3");
        assertThat(IndicatorFigure.rateOf(d("2"), d("3"))).as("half up").isEqualByComparingTo("66.7");
        assertThatCode(() -> IndicatorFigure.requireConsistent("registration_rate", IndicatorFigure.rateOf(d("2"), d("3")), d("2"), d("3")))
                .as("the rate worked out matches its counts").doesNotThrowAnyException();
        assertThatThrownBy(() -> IndicatorFigure.rateOf(d("210"), d("200"))).isInstanceOf(InvalidInputException.class).hasMessageContaining("numerator");
        assertThatThrownBy(() -> IndicatorFigure.rateOf(d("0"), d("0"))).isInstanceOf(InvalidInputException.class).hasMessageContaining("denominator");
    }
}
