package cn.duban.kernel;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The platform's own messages are worded in both languages, "中文 / English", perhaps followed by
 * their data after a full-width colon ("催办 / urged：出租房屋排查"). A reader gets one half: the
 * workbench picks it in the browser ({@code said()} in {@code store.js}, the same pattern), a group
 * robot of a district office gets the Chinese. Text that is not such a message (what a person wrote)
 * stays as it is.
 */
public final class Bilingual {
    private static final Pattern MESSAGE = Pattern.compile("^([^A-Za-z]*?) / ([A-Za-z][^：]*)(?:：([\\s\\S]*))?$");

    private Bilingual() {
    }

    /** The Chinese half of a message, with its data. */
    public static String chinese(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = MESSAGE.matcher(text);
        if (!m.matches()) {
            return text;
        }
        return m.group(3) == null ? m.group(1) : m.group(1) + "：" + m.group(3);
    }
}
