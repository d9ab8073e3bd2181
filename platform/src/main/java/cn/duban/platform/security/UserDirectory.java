package cn.duban.platform.security;

import cn.duban.platform.eventstore.RecordingTime;
import cn.duban.kernel.people.Role;
import cn.duban.kernel.people.RoleGranted;
import cn.duban.kernel.people.UserDisabled;
import cn.duban.kernel.people.UserRegistered;
import cn.duban.platform.axon.Audit;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Read model {@code users}: each user's current role and unit, and every grant with who made it and
 * when. Sign-in reads it, in whichever process serves the request; its own tracking processor keeps
 * it, wherever that runs, since all processes share the database.
 */
@Component
@ProcessingGroup(UserDirectory.GROUP)
public class UserDirectory {
    public static final String GROUP = "users";
    public static final String COLLECTION = "users";

    public record Grant(Role role, String unitId, String by, Instant at) {
    }

    public record UserView(String username, String displayName, Role role, String unitId, boolean enabled, List<Grant> grants) {
    }

    private final MongoCollection<Document> users;
    private final RecentRights recent;

    @org.springframework.beans.factory.annotation.Autowired
    public UserDirectory(MongoDatabase db, RecentRights recent) {
        this.users = db.getCollection(COLLECTION);
        this.recent = recent;
    }

    public UserDirectory(MongoDatabase db) {
        this(db, new RecentRights());
    }

    @EventHandler
    void on(UserRegistered e, EventMessage<?> m) {
        if (users.find(Filters.eq("_id", e.username())).first() != null) {
            return;
        }
        Document d = new Document("_id", e.username()).append("displayName", e.displayName()).append("role", e.role().name())
                .append("unitId", e.unitId()).append("enabled", true)
                .append("grants", List.of(grant(e.role(), e.unitId(), m))).append("eventIds", List.of(m.getIdentifier()));
        users.replaceOne(Filters.eq("_id", e.username()), d, new ReplaceOptions().upsert(true));
        recent.forget(e.username());
    }

    @EventHandler
    void on(RoleGranted e, EventMessage<?> m) {
        update(e.username(), m, d -> {
            d.put("role", e.role().name());
            d.put("unitId", e.unitId());
            d.getList("grants", Document.class).add(grant(e.role(), e.unitId(), m));
        });
    }

    @EventHandler
    void on(UserDisabled e, EventMessage<?> m) {
        update(e.username(), m, d -> d.put("enabled", false));
    }

    @EventHandler
    void on(cn.duban.kernel.people.UserEnabled e, EventMessage<?> m) {
        update(e.username(), m, d -> d.put("enabled", true));
    }

    /** How many accounts may administer now: enabled, with the lead office's role. */
    public long enabledLeadOffices() {
        return users.countDocuments(Filters.and(Filters.eq("role", Role.LEAD_OFFICE.name()), Filters.eq("enabled", true)));
    }

    private void update(String username, EventMessage<?> m, java.util.function.Consumer<Document> change) {
        Document d = users.find(Filters.eq("_id", username)).first();
        if (d == null) {
            throw new IllegalStateException("Event for unknown user " + username);
        }
        List<String> seen = new ArrayList<>(d.getList("eventIds", String.class));
        if (seen.contains(m.getIdentifier())) {
            return;
        }
        change.accept(d);
        seen.add(m.getIdentifier());
        d.put("eventIds", seen);
        users.replaceOne(Filters.eq("_id", username), d);
        recent.forget(username);
    }

    private static Document grant(Role role, String unitId, EventMessage<?> m) {
        Object by = m.getMetaData().get(Audit.ACTOR);
        return new Document("role", role.name()).append("unitId", unitId).append("by", by == null ? null : by.toString())
                .append("at", Date.from(RecordingTime.of(m)));
    }

    public Optional<UserView> find(String username) {
        return Optional.ofNullable(users.find(Filters.eq("_id", username)).first()).map(UserDirectory::view);
    }

    public List<UserView> all() {
        List<UserView> out = new ArrayList<>();
        users.find().sort(new Document("_id", 1)).forEach(d -> out.add(view(d)));
        return out;
    }

    public boolean anyLeadOffice() {
        return users.find(Filters.and(Filters.eq("role", Role.LEAD_OFFICE.name()), Filters.eq("enabled", true))).first() != null;
    }

    private static UserView view(Document d) {
        List<Grant> grants = new ArrayList<>();
        for (Document g : d.getList("grants", Document.class)) {
            grants.add(new Grant(Role.valueOf(g.getString("role")), g.getString("unitId"), g.getString("by"), g.getDate("at").toInstant()));
        }
        return new UserView(d.getString("_id"), d.getString("displayName"), Role.valueOf(d.getString("role")), d.getString("unitId"),
                d.getBoolean("enabled", true), grants);
    }

    @ResetHandler
    void reset() {
        users.drop();
    }
}
