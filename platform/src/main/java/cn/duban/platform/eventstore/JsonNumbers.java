package cn.duban.platform.eventstore;

/**
 * Whether every number in a JSON text survives BSON exactly. A JSON object becomes a BSON document
 * whose integers are 32- or 64-bit and whose other numbers are doubles, so an integer beyond 64 bits
 * or a decimal of more than 15 significant digits would come back as another number. One pass over
 * the text, strings skipped.
 */
final class JsonNumbers {
    /** A double keeps any decimal of up to 15 significant digits exactly through its shortest form. */
    static final int MAX_DECIMAL_DIGITS = 15;

    private JsonNumbers() {
    }

    /** The first number that would not come back as written, or null when all would. */
    static String firstInexact(String json) {
        int i = 0;
        int n = json.length();
        while (i < n) {
            char c = json.charAt(i);
            if (c == '"') {
                i++;
                while (i < n && json.charAt(i) != '"') {
                    i += json.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
            } else if (c == '-' || (c >= '0' && c <= '9')) {
                int start = i;
                i++;
                while (i < n && "0123456789+-.eE".indexOf(json.charAt(i)) >= 0) {
                    i++;
                }
                String number = json.substring(start, i);
                if (!exact(number)) {
                    return number;
                }
            } else {
                i++;
            }
        }
        return null;
    }

    private static boolean exact(String number) {
        boolean integer = number.indexOf('.') < 0 && number.indexOf('e') < 0 && number.indexOf('E') < 0;
        if (integer) {
            try {
                Long.parseLong(number);
                return true;
            } catch (NumberFormatException beyondLong) {
                return false;
            }
        }
        java.math.BigDecimal value;
        try {
            value = new java.math.BigDecimal(number);
        } catch (NumberFormatException notANumber) {
            return false;
        }
        if (value.signum() == 0) {
            return true;
        }
        double d = value.doubleValue();
        return !Double.isInfinite(d) && d != 0 && value.stripTrailingZeros().precision() <= MAX_DECIMAL_DIGITS;
    }
}
