package cn.duban.platform.web;

import java.util.function.Predicate;

/**
 * What Spring Security's firewall lets through in header names and values and in parameter names:
 * its own rules ({@code StrictHttpFirewall}: assigned characters, no control characters, a tab in a
 * header value), checked character by character instead of by its regular expressions. The firewall
 * checks every header each time one is read, and Spring reads them all for each request body it
 * converts: the expressions took 4 % of the samples of 4-client commands at 100k (issue 14), most of
 * it on the cookie header. {@code FirewallTextTest} holds these equal to the expressions for every
 * character.
 */
final class FirewallText {
    private FirewallText() {
    }

    /** Header and parameter names: {@code [\p{IsAssigned}&&[^\p{IsControl}]]*}. */
    static final Predicate<String> NAME = text -> allowed(text, false);
    /** Header values: {@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*}. */
    static final Predicate<String> HEADER_VALUE = text -> allowed(text, true);

    private static boolean allowed(String text, boolean tab) {
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                i++;
                continue;
            }
            int point = text.codePointAt(i);
            int type = Character.getType(point);
            if (type == Character.UNASSIGNED || type == Character.CONTROL && !(tab && point == '\t')) {
                return false;
            }
            i += Character.charCount(point);
        }
        return true;
    }
}
