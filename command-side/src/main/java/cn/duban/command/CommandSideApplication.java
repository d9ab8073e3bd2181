package cn.duban.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The command side alone: accepts commands, appends events. Scale it out on a replica set. */
@SpringBootApplication(scanBasePackages = {"cn.duban.platform", "cn.duban.command"})
public class CommandSideApplication {
    public static void main(String[] args) {
        SpringApplication.run(CommandSideApplication.class, args);
    }
}
