package cn.duban.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The query side alone: follows the event store into read models and answers reads. */
@SpringBootApplication(scanBasePackages = {"cn.duban.platform", "cn.duban.query"})
public class QuerySideApplication {
    public static void main(String[] args) {
        SpringApplication.run(QuerySideApplication.class, args);
    }
}
