package cn.duban.kernel.error;

/** One reason an input was refused, with the JSON path of the offending field. */
public record Violation(String field, String message) {
}
