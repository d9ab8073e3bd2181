package cn.duban.kernel.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Deadlines are calendar dates in the district's time zone. */
public final class DistrictTime {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private DistrictTime() {
    }

    public static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }
}
