package cn.duban.kernel.scheme;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The lead office closed the year's reporting (报送截止): from now on a figure a unit has not
 * reported deducts as the scheme's rule says, instead of showing as 待补报.
 */
@Revision("1")
public record SchemeReportingClosed(String schemeId, LocalDate closedOn) implements SchemeEvent {
}
