package cn.duban.kernel.assignment;

import java.time.LocalDate;

/** A stage of an assignment with its own deadline (动员部署 / 任务攻坚 / 稳步推进, seed 002). */
public record Phase(String name, LocalDate deadline) {
}
