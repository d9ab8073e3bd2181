package cn.duban.query.supervision;

import cn.duban.kernel.supervision.SamplingPlanSet;
import cn.duban.platform.eventstore.RecordingTime;
import cn.duban.query.common.Actors;
import cn.duban.query.common.Documents;
import cn.duban.query.common.ProjectionGroups;
import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Read model {@code sampling_plans}: each scheme's sampling plan as last set. */
@Component
@ProcessingGroup(ProjectionGroups.PROJECTIONS)
public class SamplingPlansProjection {
    public static final String COLLECTION = "sampling_plans";

    public static final class PlanView {
        public String schemeId;
        public String period;
        public int recordsPerUnit;
        public String setBy;
        public Instant setAt;
        public List<String> eventIds = new ArrayList<>();
    }

    private final Documents<PlanView> plans;

    public SamplingPlansProjection(MongoDatabase db) {
        this.plans = documents(db);
    }

    public static Documents<PlanView> documents(MongoDatabase db) {
        return new Documents<>(db.getCollection(COLLECTION), PlanView.class, v -> v.schemeId, v -> v.eventIds);
    }

    @EventHandler
    void on(SamplingPlanSet e, EventMessage<?> m) {
        PlanView before = plans.find(e.schemeId());
        if (before == null) {
            PlanView v = new PlanView();
            v.schemeId = e.schemeId();
            apply(v, e, m);
            plans.create(m.getIdentifier(), v);
        } else {
            plans.update(e.schemeId(), m.getIdentifier(), v -> apply(v, e, m));
        }
    }

    private static void apply(PlanView v, SamplingPlanSet e, EventMessage<?> m) {
        v.period = e.period().name();
        v.recordsPerUnit = e.recordsPerUnit();
        v.setBy = Actors.of(m);
        v.setAt = RecordingTime.of(m);
    }

    @ResetHandler
    void reset() {
        plans.drop();
    }
}
