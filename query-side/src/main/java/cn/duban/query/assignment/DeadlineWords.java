package cn.duban.query.assignment;

import java.time.LocalDate;

/** A deadline near, in both languages ({@link cn.duban.kernel.Bilingual}), as the board's history and the units' notifications say it. */
final class DeadlineWords {
    private DeadlineWords() {
    }

    static String dueSoon(LocalDate deadline, int daysLeft) {
        return "截止 " + deadline + "，剩余 " + daysLeft + " 天 / due " + deadline + ", " + daysLeft + (daysLeft == 1 ? " day left" : " days left");
    }
}
