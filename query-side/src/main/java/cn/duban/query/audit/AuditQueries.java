package cn.duban.query.audit;

import cn.duban.kernel.EventFamily;
import cn.duban.kernel.Words;
import cn.duban.platform.axon.Audit;
import cn.duban.platform.eventstore.SequencedMongoEventStorageEngine;
import cn.duban.platform.eventstore.StoredEvent;
import cn.duban.platform.security.UserDirectory;
import cn.duban.query.audit.AuditProjection.AuditEntry;
import cn.duban.query.common.ChunkedLog;
import cn.duban.query.common.Positions;
import cn.duban.query.common.ReadModelJson;
import cn.duban.query.unit.UnitQueries;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** 操作留痕: everything one actor did, from the audit-trail read model. */
@Service
public class AuditQueries {
    private final ChunkedLog trail;
    private final UserDirectory users;
    private final SequencedMongoEventStorageEngine engine;
    private final UnitQueries units;

    public AuditQueries(MongoDatabase db, UserDirectory users, SequencedMongoEventStorageEngine engine, UnitQueries units) {
        this.trail = new ChunkedLog(db, AuditProjection.COLLECTION);
        this.users = users;
        this.engine = engine;
        this.units = units;
    }

    /** One who has acted: how many acts the trail holds and when the last was recorded. */
    public record Actor(String actor, int acts, Instant lastAt) {
    }

    /**
     * One act of a page of a trail: the trail's entry and what the act concerns, read from its event
     * (the unit, the scheme, the title or subject a person wrote, the account acted on), so a reader
     * sees "录用信息 · 大碶街道 · 《…》" rather than an event id. Absent where the event names none.
     *
     * @param local the act came from the server's own machine (a loopback address), which screens name 本机
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Act(String eventId, long position, Instant at, String type, String aggregateId, String actor, String role,
                      String clientAddress, boolean local, String unitId, String schemeId, String subject, String account) {
    }

    /** Whether an address is the server's own machine: IPv4's 127.0.0.0/8 or IPv6's ::1, however written. */
    static boolean loopback(String address) {
        return address != null && (address.startsWith("127.") || address.equals("::1") || address.equals("0:0:0:0:0:0:0:1"));
    }

    /** A page of a trail, newest first: how many acts the whole trail holds, and how many newer acts come before the page. */
    public record Page(int total, int offset, List<Act> acts) {
    }

    /** Newest first. */
    public List<AuditEntry> byActor(String actor) {
        List<AuditEntry> entries = new ArrayList<>(AuditProjection.of(trail, actor));
        Collections.reverse(entries);
        return entries;
    }

    /**
     * The acts from the {@code offset}-th newest on, at most {@code limit}: the trail's size from its
     * last chunk and only the chunks that hold the page (an account's trail can hold 100k acts).
     * With {@code before}, the offset counts on from the newest act recorded before that instant,
     * found by the event store's recording times and the trail's positions, not by reading either.
     */
    public Page page(String actor, int offset, int limit, Instant before) {
        String key = AuditProjection.key(actor);
        int total = trail.size(key);
        if (before != null) {
            offset = (int) Math.min(Integer.MAX_VALUE, (long) total - trail.countBefore(key, firstPositionAtOrAfter(before)) + offset);
        }
        int to = Math.max(0, total - offset);
        int from = Math.max(0, to - limit);
        List<Document> entries = new ArrayList<>(to - from);
        trail.forEachBetween(key, from, to, entries::add);
        return new Page(total, offset, newestFirst(entries));
    }

    /**
     * As {@link #page}, of the acts of one kind only (an event family: 考核计分, 人员账号 …). The trail
     * keeps no log per kind, so this reads the actor's whole trail once, looking at each act's type
     * alone, and then the chunks that hold the page: the busiest trail of the benchmark's 1M store
     * (the lead office's, 6,671 acts) answers in 24-98 ms; it grows with the trail's length.
     */
    public Page page(String actor, int offset, int limit, Instant before, EventFamily kind) {
        String key = AuditProjection.key(actor);
        KindScan scan = scan(key, kind, 0, before == null ? Long.MAX_VALUE : firstPositionAtOrAfter(before));
        int total = scan.found;
        if (before != null) {
            offset = (int) Math.min(Integer.MAX_VALUE, (long) total - scan.before + offset);
        }
        int to = Math.max(0, total - offset);
        return new Page(total, offset, newestFirst(trail.entriesAt(key, Arrays.copyOfRange(scan.indexes, Math.max(0, to - limit), to))));
    }

    /** Where in a trail the acts of one kind from a position on are, in the trail's order, and how many of them came before another. */
    private KindScan scan(String key, EventFamily kind, long from, long until) {
        KindScan scan = new KindScan();
        trail.forEachBetween(key, 0, Integer.MAX_VALUE, d -> {
            long position = ((Number) d.get("position")).longValue();
            scan.look(kind.holds(d.getString("type")) && position >= from, position < until);
        });
        return scan;
    }

    private static final class KindScan {
        int[] indexes = new int[256];
        int found;
        int before;
        private int read;

        void look(boolean wanted, boolean beforeTheEnd) {
            int index = read++;
            if (!wanted) {
                return;
            }
            if (found == indexes.length) {
                indexes = Arrays.copyOf(indexes, found * 2);
            }
            indexes[found++] = index;
            if (beforeTheEnd) {
                before++;
            }
        }
    }

    /** Stored trail entries (in the trail's order) as acts, newest first. */
    private List<Act> newestFirst(List<Document> stored) {
        List<AuditEntry> entries = new ArrayList<>(stored.size());
        stored.forEach(d -> entries.add(ReadModelJson.fromDocument(d, AuditEntry.class)));
        Collections.reverse(entries);
        Map<String, Optional<String>> begun = new HashMap<>();
        return entries.stream().map(e -> act(e, begun)).toList();
    }

    /** The acts of a stretch of time, newest first, and how many it holds (more than {@code max}: only the newest {@code max}). */
    public record Stretch(int count, List<Act> acts) {
    }

    /**
     * The acts recorded from {@code from} (inclusive) to {@code to} (exclusive), either open, newest
     * first, at most {@code max}: both ends found as {@link #page} finds {@code before}.
     */
    public Stretch between(String actor, Instant from, Instant to, int max) {
        String key = AuditProjection.key(actor);
        int total = trail.size(key);
        int first = from == null ? 0 : trail.countBefore(key, firstPositionAtOrAfter(from));
        int end = to == null ? total : trail.countBefore(key, firstPositionAtOrAfter(to));
        int count = Math.max(0, end - first);
        List<Document> entries = new ArrayList<>(Math.min(count, max));
        trail.forEachBetween(key, Math.max(first, end - max), end, entries::add);
        return new Stretch(count, newestFirst(entries));
    }

    /** As {@link #between}, of the acts of one kind only: the actor's whole trail read once, as {@link #page(String, int, int, Instant, EventFamily)} does. */
    public Stretch between(String actor, Instant from, Instant to, int max, EventFamily kind) {
        String key = AuditProjection.key(actor);
        KindScan scan = scan(key, kind, from == null ? 0 : firstPositionAtOrAfter(from), to == null ? Long.MAX_VALUE : firstPositionAtOrAfter(to));
        // The acts before `to` are the first of those found: the trail is in position order.
        int count = scan.before;
        return new Stretch(count, newestFirst(trail.entriesAt(key, Arrays.copyOfRange(scan.indexes, Math.max(0, count - max), count))));
    }

    /** The position of the first event recorded at or after an instant (the head's next when none is). */
    private long firstPositionAtOrAfter(Instant at) {
        TrackingToken token = engine.createTokenAtRecordingTime(at);
        return token == null ? 0 : Positions.of(token) + 1;
    }

    /** A 404 for an actor who is no account, unit or platform actor and has no trail: never an empty trail. */
    public void requireKnown(String actor) {
        if (!known(actor)) {
            throw new cn.duban.kernel.error.NotFoundException("没有此人员的操作记录 / no such actor: " + actor);
        }
    }

    /** Whether anyone of this name can have acted: an account, a unit, one of the platform's own actors, or any actor with a trail. */
    public boolean known(String actor) {
        return candidates().contains(actor) || trail.size(AuditProjection.key(actor)) > 0;
    }

    /**
     * Every account, unit and platform actor that has acted, the latest to act first. A unit is an
     * actor where its acts were recorded in its name (the demo's units, a unit's import) rather than
     * by one of its staff's accounts.
     */
    public List<Actor> actors() {
        Set<String> candidates = candidates();
        List<Actor> out = new ArrayList<>();
        for (String actor : candidates) {
            String key = AuditProjection.key(actor);
            int acts = trail.size(key);
            if (acts > 0) {
                List<Document> last = new ArrayList<>(1);
                trail.forEachBetween(key, acts - 1, acts, last::add);
                Instant at = last.isEmpty() ? null : ReadModelJson.fromDocument(last.get(0), AuditEntry.class).at();
                out.add(new Actor(actor, acts, at));
            }
        }
        out.sort(Comparator.comparing(Actor::lastAt, Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(Actor::actor));
        return out;
    }

    private Set<String> candidates() {
        Set<String> candidates = new LinkedHashSet<>();
        users.all().forEach(u -> candidates.add(u.username()));
        units.all().forEach(u -> candidates.add(u.id()));
        candidates.addAll(systemActors());
        return candidates;
    }

    /** The platform's own actors: the words' group lists every one (a test holds it to {@link cn.duban.kernel.people.SystemActors}). */
    private static Set<String> systemActors() {
        return Words.codes("systemActor");
    }

    /**
     * An entry with what its event concerns. An act that names no title of its own (an overdue mark,
     * a report accepted) takes the title its aggregate began with (the assignment's, the report's),
     * read once a page for each aggregate in {@code begun}.
     */
    private Act act(AuditEntry e, Map<String, Optional<String>> begun) {
        Optional<StoredEvent> event = engine.eventAt(e.position()).filter(s -> e.eventId().equals(s.eventId()));
        Document p = event.map(StoredEvent::payload).orElseGet(Document::new);
        String unit = text(p, "unitId", "toUnitId");
        if (unit == null) {
            // the unit whose fact the lead office entered, when the event itself names none
            unit = event.map(StoredEvent::metaData).map(m -> m.getString(Audit.ON_BEHALF_OF)).orElse(null);
        }
        String subject = text(p, TITLES);
        if (subject == null && event.isPresent() && event.get().sequence() != null && event.get().sequence() > 0) {
            String aggregate = event.get().aggregateId();
            subject = begun.computeIfAbsent(aggregate, a -> engine.eventOf(a, 0)
                    .map(StoredEvent::payload).map(first -> text(first, TITLES))).orElse(null);
        }
        return new Act(e.eventId(), e.position(), e.at(), e.type(), e.aggregateId(), e.actor(), e.role(), e.clientAddress(),
                loopback(e.clientAddress()), unit, text(p, "schemeId"), subject, text(p, "username"));
    }

    /** The fields in which a person names what they report, open or send: a report's title, a training's topic, a notice's subject. */
    private static final String[] TITLES = {"title", "topic", "subject"};

    /** The first of these fields that the payload holds as text. */
    private static String text(Document payload, String... fields) {
        for (String f : fields) {
            if (payload.get(f) instanceof String s && !s.isBlank()) {
                return s;
            }
        }
        return null;
    }
}
