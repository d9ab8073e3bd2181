package cn.duban.kernel.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Working days as a Chinese government office counts them: Monday to Friday, minus public holidays
 * (法定节假日 and the days taken off with them), plus the weekend days worked in exchange (调休上班).
 * The State Council publishes each year's arrangement late in the year before, so both lists are
 * configuration; {@link #chinaMainland()} carries the published ones this release knows.
 */
public final class WorkingDayCalendar {
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> workedWeekends;

    public WorkingDayCalendar(Collection<LocalDate> holidays, Collection<LocalDate> workedWeekends) {
        this.holidays = Set.copyOf(holidays);
        this.workedWeekends = Set.copyOf(workedWeekends);
        Set<LocalDate> both = new TreeSet<>(this.holidays);
        both.retainAll(this.workedWeekends);
        if (!both.isEmpty()) {
            throw new IllegalArgumentException("days both holiday and worked: " + both);
        }
    }

    /** The arrangements of the State Council notices shipped with this release (see {@code china-mainland.properties}). */
    public static WorkingDayCalendar chinaMainland() {
        Properties p = new Properties();
        try (InputStream in = WorkingDayCalendar.class.getResourceAsStream("china-mainland.properties")) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new WorkingDayCalendar(dates(p.getProperty("holidays")), dates(p.getProperty("workdays")));
    }

    /** This calendar with more holidays and worked weekend days, as a district configures them. */
    public WorkingDayCalendar with(Collection<LocalDate> moreHolidays, Collection<LocalDate> moreWorkedWeekends) {
        Set<LocalDate> h = new TreeSet<>(holidays);
        h.addAll(moreHolidays);
        h.removeAll(moreWorkedWeekends);
        Set<LocalDate> w = new TreeSet<>(workedWeekends);
        w.addAll(moreWorkedWeekends);
        w.removeAll(moreHolidays);
        return new WorkingDayCalendar(h, w);
    }

    public boolean isWorkingDay(LocalDate day) {
        if (holidays.contains(day)) {
            return false;
        }
        if (workedWeekends.contains(day)) {
            return true;
        }
        DayOfWeek d = day.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY;
    }

    /**
     * The day on which {@code workingDays} working days after {@code from} have passed: the start
     * day itself never counts (a notice of Friday with 1 working day is due Monday).
     */
    public LocalDate addWorkingDays(LocalDate from, int workingDays) {
        if (workingDays < 1) {
            throw new IllegalArgumentException("workingDays must be at least 1");
        }
        LocalDate day = from;
        int left = workingDays;
        while (left > 0) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }

    /** Parses a comma-separated list of ISO dates and ranges ({@code 2023-01-21..2023-01-27}). */
    public static Set<LocalDate> dates(String spec) {
        Set<LocalDate> out = new TreeSet<>();
        if (spec == null) {
            return out;
        }
        for (String part : spec.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int dots = p.indexOf("..");
            if (dots < 0) {
                out.add(LocalDate.parse(p));
            } else {
                LocalDate first = LocalDate.parse(p.substring(0, dots).strip());
                LocalDate last = LocalDate.parse(p.substring(dots + 2).strip());
                if (last.isBefore(first)) {
                    throw new IllegalArgumentException("range ends before it starts: " + p);
                }
                first.datesUntil(last.plusDays(1)).forEach(out::add);
            }
        }
        return out;
    }
}
