package cn.duban.command.common;

import cn.duban.platform.DubanProperties;
import cn.duban.platform.consistency.ProjectionProgress;
import cn.duban.platform.eventstore.SequencedMongoEventStorageEngine;
import cn.duban.platform.mongo.DurabilityBarrier;
import cn.duban.platform.web.ApiError;
import cn.duban.platform.web.ApiExceptionHandler;
import cn.duban.platform.web.RequestAudit;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Sends a command with who/where metadata from the request, then, where this process also runs
 * the projections (standalone), answers only once they include it: a client that reads right
 * after writing sees its write. The response names the event-store position it reached.
 * <p>
 * A client that sends that position with its reads ({@code X-Duban-Min-Position}, which every read
 * waits for) may ask, with {@code X-Duban-Consistency: deferred}, to be answered as soon as its
 * command is durable: it then waits at its next read instead, and meanwhile sends its next command.
 * The workbench does. Issue 14's benchmark at 10k events, four clients, the read models caught up
 * inside the measured time in each: 294–301 commands/s at 5.4–5.5 ms of CPU each waiting for them,
 * 348/s at 4.8 ms deferred (one client: 158/s and 218/s), as each client's next command no longer
 * waits behind the projections.
 */
@Component
public class CommandDispatch {
    public static final String POSITION_HEADER = "X-Duban-Position";
    public static final String CONSISTENCY_HEADER = "X-Duban-Consistency";
    /** The request's {@link #CONSISTENCY_HEADER}: answer once durable, the read models not waited for. */
    public static final String DEFERRED = "deferred";

    private final CommandGateway gateway;
    private final ProjectionProgress progress;
    private final SequencedMongoEventStorageEngine engine;
    private final DubanProperties props;
    private final DurabilityBarrier durability;

    public CommandDispatch(CommandGateway gateway, ProjectionProgress progress, SequencedMongoEventStorageEngine engine,
                           DubanProperties props, DurabilityBarrier durability) {
        this.gateway = gateway;
        this.progress = progress;
        this.engine = engine;
        this.props = props;
        this.durability = durability;
    }

    public <R> R send(Object command) {
        R result = dispatch(command, RequestAudit.metadata());
        answerAt(engine.lastCommittedPosition());
        return result;
    }

    /**
     * Sends each item's command in turn, as {@link #send} would one by one, and answers once for all
     * (the read models waited for once, at the last position). An act refused as its single request
     * would be (400, 403, 404, 409) is said in its result and the next is sent; any other failure stops
     * the run ({@link RunStoppedException}: a 500 whose body says what each act came to, the ones not sent included).
     *
     * @param id the record each item concerns, named in its result ({@code null} for a new record: its id, as the command answers it)
     */
    public <T> Batch sendEach(List<T> items, Function<T, String> id, Function<T, Object> command) {
        return sendEach(items, id, item -> null, command);
    }

    /**
     * As {@link #sendEach(List, Function, Function)}, each command recording a fact of the unit {@code unitOf} names, for it.
     * <p>
     * The acts are made durable together, once, before the answer (or the fault's answer) says what
     * they came to, rather than each waiting for a commit of its own: nothing of a run is acknowledged
     * before its answer. On the embedded server 2,000 figures entered in one request took 9.0–17.4 s with a
     * commit each, 2.2–3.4 s together (the demo, from the jar). If the store cannot make them durable, the
     * run fails as a whole (a plain 500): what went in cannot be said to have.
     */
    public <T> Batch sendEach(List<T> items, Function<T, String> id, Function<T, String> unitOf, Function<T, Object> command) {
        List<Batch.Result> results = new ArrayList<>(items.size());
        RuntimeException fault = durability.durableTogether(() -> {
            for (T item : items) {
                String named = id.apply(item);
                try {
                    Object answer = dispatch(command.apply(item), RequestAudit.metadataFor(unitOf.apply(item)));
                    results.add(new Batch.Result(named != null ? named : String.valueOf(answer), null, null));
                } catch (RuntimeException e) {
                    var refusal = ApiExceptionHandler.refusal(e);
                    if (refusal.isEmpty()) {
                        return e; // answered once what went before it is durable
                    }
                    results.add(new Batch.Result(named, refusal.get().getStatusCode().value(), refusal.get().getBody()));
                }
            }
            return null;
        });
        int done = (int) results.stream().filter(r -> r.error() == null).count();
        if (fault != null) {
            RunStoppedException stopped = stopped(items, id, results, done, fault);
            try {
                answerAt(engine.lastCommittedPosition());
            } catch (RuntimeException waiting) {
                fault.addSuppressed(waiting); // logged with the fault; the answer still says which acts went in
            }
            throw stopped;
        }
        answerAt(engine.lastCommittedPosition());
        return new Batch(done, items.size() - done, List.copyOf(results));
    }

    /** The run stopped at {@code results.size()}'s act by {@code fault}: each act's result, the ones not sent included. */
    private static <T> RunStoppedException stopped(List<T> items, Function<T, String> id, List<Batch.Result> results, int done,
                                                   RuntimeException fault) {
        int at = results.size();
        int refused = at - done;
        int notSent = items.size() - at - 1;
        results.add(new Batch.Result(id.apply(items.get(at)), 500, ApiError.of("INTERNAL",
                "处理此项时服务器出错，未能确认是否已记录，请刷新后核对 / a server fault while recording this; reload to see whether it went in")));
        for (T item : items.subList(at + 1, items.size())) {
            results.add(new Batch.Result(id.apply(item), null, ApiError.of("NOT_SENT",
                    "未提交：本批在前面一项出错后停止 / not sent: the run stopped at a fault before it")));
        }
        String message = "已记录 " + done + " 项" + (refused > 0 ? "，" + refused + " 项未通过" : "") + "；第 " + (at + 1)
                + " 项处理时服务器出错" + (notSent > 0 ? "，其后 " + notSent + " 项未提交" : "")
                + " / " + done + " recorded" + (refused > 0 ? ", " + refused + " refused" : "") + "; a server fault at act " + (at + 1)
                + (notSent > 0 ? ", the " + notSent + " after it not sent" : "");
        return new RunStoppedException(new Batch.Stopped("INTERNAL", message, done, refused, notSent, List.copyOf(results)), fault);
    }

    private <R> R dispatch(Object command, Map<String, Object> metadata) {
        requireOwnUnit(command);
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metadata));
    }

    /** Waits, unless the request defers it, until the read models hold the position, and names it in the answer's headers. */
    private void answerAt(long position) {
        ServletRequestAttributes attrs = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a ? a : null;
        boolean deferred = attrs != null && DEFERRED.equalsIgnoreCase(attrs.getRequest().getHeader(CONSISTENCY_HEADER));
        boolean visible = progress.awaitClaimedPosition(position, deferred ? Duration.ZERO : props.consistencyWait());
        if (attrs != null && attrs.getResponse() != null) {
            HttpServletResponse response = attrs.getResponse();
            response.setHeader(POSITION_HEADER, Long.toString(position));
            response.setHeader(CONSISTENCY_HEADER, visible ? "visible" : "pending");
        }
    }

    /**
     * A command that names the unit it acts for ({@code unitId}) may come from unit staff of that
     * unit only. Commands on an existing subject (a campaign, a rectification) are checked by its
     * aggregate, which knows the unit; so are commands that act on another unit ({@link cn.duban.kernel.ActsOnAnotherUnit}).
     */
    private static void requireOwnUnit(Object command) {
        Method unitId = UNIT_ID.get(command.getClass());
        if (unitId == null) {
            return;
        }
        try {
            Object unit = unitId.invoke(command);
            if (unit != null) {
                cn.duban.platform.security.CurrentUser.requireMayActFor(unit.toString());
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read unitId of " + command.getClass().getSimpleName(), e);
        }
    }

    /**
     * Each command class's {@code unitId} accessor, or null where it names no unit it acts for. Found
     * once per class: looking through a record's components at every command was 1.5 % of the CPU of
     * issue 14's 4-client commands (async-profiler).
     */
    private static final ClassValue<Method> UNIT_ID = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            if (!type.isRecord() || cn.duban.kernel.ActsOnAnotherUnit.class.isAssignableFrom(type)) {
                return null;
            }
            for (RecordComponent c : type.getRecordComponents()) {
                if (c.getName().equals("unitId") && c.getType() == String.class) {
                    return c.getAccessor();
                }
            }
            return null;
        }
    };
}
