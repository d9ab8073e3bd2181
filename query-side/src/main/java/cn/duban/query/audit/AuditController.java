package cn.duban.query.audit;

import cn.duban.kernel.EventFamily;
import cn.duban.query.audit.AuditProjection.AuditEntry;
import cn.duban.query.audit.AuditQueries.Actor;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** 操作留痕: who did what, when, in which role and from where. */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "操作留痕 Audit trail")
public class AuditController {
    /** The most acts one page holds: a page is read and each act's event looked up while the reader waits. */
    static final int MAX_LIMIT = 500;
    private static final String NOT_NEGATIVE = "不能为负数 / must not be negative";
    private static final String LIMIT_RANGE = "须在1到" + MAX_LIMIT + "之间 / 1 to " + MAX_LIMIT;

    private final AuditQueries audit;

    public AuditController(AuditQueries audit) {
        this.audit = audit;
    }

    @GetMapping("/actors")
    @Operation(summary = "留痕人员 / every account and platform actor that has acted: how many acts, the last one's time; the latest to act first")
    public List<Actor> actors() {
        return audit.actors();
    }

    @GetMapping("/actors/{actor}")
    @Operation(summary = "操作留痕 / everything an actor did: event, time, role, client address, newest first",
            description = "Every act at once; an account's trail can hold 100k acts, so a screen reads …/acts a page at a time.")
    public List<AuditEntry> actor(@PathVariable String actor) {
        audit.requireKnown(actor);
        return audit.byActor(actor);
    }

    @GetMapping("/actors/{actor}/acts")
    @Operation(summary = "操作留痕（分页）/ a page of what an actor did, newest first, each act with what it concerns",
            description = "At most limit acts (default 50, 1 to 500) from the offset-th newest; total is the whole trail's size. "
                    + "With before (an instant), the page starts at the newest act recorded before it and offset counts on from there; "
                    + "the answer's offset is where the page starts, counted from the newest act. "
                    + "With kind, only acts of that kind (total counts them; offset and before count among them); it reads the whole trail once. "
                    + "Each act names what its event concerns where it names it: unitId, schemeId, subject (a title, topic or subject "
                    + "a person wrote) and account (the account acted on). An actor who is no account and has no trail → 404.")
    public AuditQueries.Page acts(@PathVariable String actor,
                                  @Parameter(description = "acts to skip, newest first (0 or more)") @RequestParam(defaultValue = "0") @Min(value = 0, message = NOT_NEGATIVE) int offset,
                                  @Parameter(description = "1 to 500") @RequestParam(defaultValue = "50")
                                  @Min(value = 1, message = LIMIT_RANGE) @Max(value = MAX_LIMIT, message = LIMIT_RANGE) int limit,
                                  @Parameter(description = "only acts recorded before this instant (ISO-8601), e.g. the end of a day")
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant before,
                                  @Parameter(description = "only acts of this kind: REPORTING 填报与审核, ASSESSMENT 考核计分, ASSIGNMENT 交办督办, "
                                          + "SUPERVISION 督查, SCHEME 考核方案, UNIT 考核单位, PEOPLE 人员账号")
                                  @RequestParam(required = false) EventFamily kind) {
        audit.requireKnown(actor);
        return kind == null ? audit.page(actor, offset, limit, before) : audit.page(actor, offset, limit, before, kind);
    }
}
