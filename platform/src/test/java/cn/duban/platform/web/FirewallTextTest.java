package cn.duban.platform.web;

import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The firewall's character checks say what Spring Security's own expressions say, for every character. */
class FirewallTextTest {
    // As StrictHttpFirewall (spring-security-web 6.5) compiles them.
    private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern HEADER_VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void everyCharacterIsJudgedAsTheExpressionsJudgeIt() {
        int refused = 0;
        for (int point = 0; point <= Character.MAX_CODE_POINT; point++) {
            String one = "a" + new String(Character.toChars(point)) + "z";
            assertThat(FirewallText.NAME.test(one)).as("name U+%04X", point).isEqualTo(NAME.matcher(one).matches());
            assertThat(FirewallText.HEADER_VALUE.test(one)).as("value U+%04X", point).isEqualTo(HEADER_VALUE.matcher(one).matches());
            refused += NAME.matcher(one).matches() ? 0 : 1;
        }
        // Not a vacuous comparison: control characters and unassigned code points are refused.
        assertThat(refused).isGreaterThan(65);
    }

    @Test
    void wholeHeadersAsBrowsersSendThem() {
        for (String text : new String[]{"", "SESSION=ZDUw; XSRF-TOKEN=83e5be32", "text/html,application/xhtml+xml;q=0.9", "新碶街道",
                "a\tb", "a\nb", "a\u0000b", "a\u007fb", "\ud83d\ude00", "\ud83d", "\udc00x", "a\u0085b", "\u2028", "\uffff"}) {
            assertThat(FirewallText.NAME.test(text)).as("name %s", text).isEqualTo(NAME.matcher(text).matches());
            assertThat(FirewallText.HEADER_VALUE.test(text)).as("value %s", text).isEqualTo(HEADER_VALUE.matcher(text).matches());
        }
        assertThat(FirewallText.HEADER_VALUE.test("a\tb")).isTrue();
        assertThat(FirewallText.NAME.test("a\tb")).isFalse();
    }
}
