package cn.duban.command.deadlines;

import cn.duban.kernel.calendar.WorkingDayCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;


@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class DeadlineConfig {
    /**
     * Working days for rectification deadlines: the published national arrangements this release
     * knows, plus a district's own holidays and worked weekend days (comma-separated ISO dates or
     * ranges {@code 2027-01-01..2027-01-03}), e.g. for a year published after this release.
     */
    @Bean
    public WorkingDayCalendar workingDayCalendar(@Value("${duban.calendar.holidays:}") String holidays,
                                                 @Value("${duban.calendar.workdays:}") String workdays) {
        return WorkingDayCalendar.chinaMainland().with(WorkingDayCalendar.dates(holidays), WorkingDayCalendar.dates(workdays));
    }
}
