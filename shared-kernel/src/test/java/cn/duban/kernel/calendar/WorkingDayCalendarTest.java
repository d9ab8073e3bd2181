package cn.duban.kernel.calendar;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkingDayCalendarTest {
    final WorkingDayCalendar cn = WorkingDayCalendar.chinaMainland();

    @Test
    void twentyWorkingDaysOverAnOrdinaryMonthAreFourWeeks() {
        // Monday 2023-03-06 + 20 working days, no holiday in between.
        assertThat(cn.addWorkingDays(LocalDate.of(2023, 3, 6), 20)).isEqualTo(LocalDate.of(2023, 4, 3));
    }

    @Test
    void theNationalDayWeekDoesNotCountAndItsWorkedWeekendDoes() {
        // Ordered Monday 2023-09-25: 25–28 Sep (4), holidays 29 Sep–6 Oct, worked Sat 7 and Sun 8 Oct (6),
        // then 9–13 (11), 16–20 (16), 23–26 Oct (20).
        assertThat(cn.addWorkingDays(LocalDate.of(2023, 9, 24), 20)).isEqualTo(LocalDate.of(2023, 10, 26));
        assertThat(cn.isWorkingDay(LocalDate.of(2023, 10, 7))).isTrue();
        assertThat(cn.isWorkingDay(LocalDate.of(2023, 10, 2))).isFalse();
    }

    @Test
    void springFestival2026() {
        assertThat(cn.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();
        assertThat(cn.isWorkingDay(LocalDate.of(2026, 2, 16))).isFalse();
        // Fri 13 Feb + 1: Sat 14 Feb is worked.
        assertThat(cn.addWorkingDays(LocalDate.of(2026, 2, 13), 1)).isEqualTo(LocalDate.of(2026, 2, 14));
        // Sat 14 Feb + 1: the festival runs to Mon 23 Feb; Tue 24 Feb.
        assertThat(cn.addWorkingDays(LocalDate.of(2026, 2, 14), 1)).isEqualTo(LocalDate.of(2026, 2, 24));
    }

    @Test
    void theStartDayNeverCounts() {
        assertThat(cn.addWorkingDays(LocalDate.of(2023, 3, 10), 1)).isEqualTo(LocalDate.of(2023, 3, 13));
    }

    @Test
    void aDistrictAddsItsOwnDays() {
        WorkingDayCalendar local = cn.with(Set.of(LocalDate.of(2023, 3, 13)), Set.of(LocalDate.of(2023, 3, 11)));
        assertThat(local.addWorkingDays(LocalDate.of(2023, 3, 10), 1)).isEqualTo(LocalDate.of(2023, 3, 11));
        assertThat(local.addWorkingDays(LocalDate.of(2023, 3, 11), 1)).isEqualTo(LocalDate.of(2023, 3, 14));
    }

    @Test
    void rangesAndBadInput() {
        assertThat(WorkingDayCalendar.dates("2023-01-21..2023-01-23, 2023-04-05")).hasSize(4);
        assertThatThrownBy(() -> WorkingDayCalendar.dates("2023-01-23..2023-01-21")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cn.addWorkingDays(LocalDate.of(2023, 3, 10), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
