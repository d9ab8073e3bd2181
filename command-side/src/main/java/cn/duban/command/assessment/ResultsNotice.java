package cn.duban.command.assessment;

import cn.duban.command.common.References;
import cn.duban.kernel.assessment.PublishResults;
import cn.duban.kernel.assessment.ResultsPublished;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A published results notice (通报). It holds no figures: they are the year-end result as of the
 * event's recording time, reproduced from the events before it. A correction is a new notice.
 */
@Aggregate(cache = "aggregateCache")
class ResultsNotice {
    @AggregateIdentifier
    private String noticeId;

    protected ResultsNotice() {
    }

    @CommandHandler
    public ResultsNotice(PublishResults c, References references) {
        references.requireItemsOf(c.schemeId());
        String title = c.title() == null || c.title().isBlank() ? null : c.title().strip();
        apply(new ResultsPublished(c.noticeId(), c.schemeId(), title));
    }

    @EventSourcingHandler
    void on(ResultsPublished e) {
        noticeId = e.noticeId();
    }
}
