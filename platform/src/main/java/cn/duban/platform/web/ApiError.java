package cn.duban.platform.web;

import cn.duban.kernel.error.Violation;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** The error body of API.md: {@code {"error":"VALIDATION","message":"…","field":"…"}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, String message, String field, List<Violation> violations) {
    public static ApiError of(String error, String message) {
        return new ApiError(error, message, null, null);
    }
}
