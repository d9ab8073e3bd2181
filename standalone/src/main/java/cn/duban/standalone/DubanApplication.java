package cn.duban.standalone;

import cn.duban.command.CommandSideApplication;
import cn.duban.query.QuerySideApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * Both sides in one process on the embedded database: the one-command run. Command responses wait
 * for this process's projections, so a client reads its own writes.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = {"cn.duban.platform", "cn.duban.command", "cn.duban.query", "cn.duban.standalone.demo"},
        excludeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE,
                classes = {CommandSideApplication.class, QuerySideApplication.class}))
public class DubanApplication {
    public static void main(String[] args) {
        SpringApplication.run(DubanApplication.class, args);
    }
}
