package cn.duban.platform.mongo;

import java.util.Random;

/** Test data for the store's tests: text that compresses about as little as a report's. */
final class ReportText {
    private ReportText() {
    }

    /** 2,000 random letters. */
    static String of(Random random) {
        StringBuilder text = new StringBuilder(2_000);
        for (int i = 0; i < 2_000; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }
}
