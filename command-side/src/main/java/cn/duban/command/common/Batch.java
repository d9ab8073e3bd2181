package cn.duban.command.common;

import cn.duban.platform.web.ApiError;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The answer to a run of acts sent in one request (several information reports accepted, open
 * assignments urged, a workbook's indicator figures entered): each act is its own command, recorded
 * or refused on its own as its single request would be, and one refused does not stop the rest. The
 * run goes on when the client has gone meanwhile (a tab closed in the middle), which acts sent one by
 * one from the browser did not.
 *
 * @param done    how many were recorded
 * @param refused how many were refused
 * @param results one per act, in the order sent
 */
public record Batch(int done, int refused, List<Result> results) {
    /** At most this many acts in one request: as many rows as a workbook of figures may hold (the query side's {@code FiguresSheet}). */
    public static final int MAX_ACTS = 2_000;

    /**
     * One act's outcome: the record it concerns (the report, the assignment, the new figure's id), and,
     * if refused, the error its single request would have answered with its HTTP status.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Result(String id, Integer status, ApiError error) {
    }

    /**
     * The answer (500) when a fault that is no refusal (the store gone, say) stopped the run: the error
     * body of API.md, with what a client needs to go on from there: the acts before the fault were
     * recorded or refused as their results say, the act it stopped at has the fault as its result
     * (whether it went in is not known to this process: the records say), and the acts after it were
     * not sent, each named in its result.
     *
     * @param notSent how many acts after the fault were not sent
     */
    public record Stopped(String error, String message, int done, int refused, int notSent, List<Result> results) {
    }
}
