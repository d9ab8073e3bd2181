package cn.duban.command.scheme;

import cn.duban.kernel.AggregateIds;
import cn.duban.kernel.scheme.DraftScheme;
import cn.duban.kernel.scheme.DraftSchemeVersion;
import cn.duban.kernel.scheme.CloseSchemeReporting;
import cn.duban.kernel.scheme.PublishScheme;
import cn.duban.kernel.scheme.SchemeReportingClosed;
import cn.duban.kernel.error.ConflictException;
import cn.duban.kernel.error.InvalidInputException;
import cn.duban.kernel.error.Violation;
import cn.duban.kernel.scheme.SchemeDrafted;
import cn.duban.kernel.scheme.SchemePublished;
import cn.duban.kernel.scheme.SchemeDocument;
import cn.duban.kernel.scheme.SchemeItem;
import cn.duban.kernel.scheme.SchemeValidator;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The year's assessment scheme. Versions are immutable documents: a draft is published and then
 * frozen; an amendment is the next version. A new version drafted while the previous one is still
 * unpublished supersedes it (it was never in force once published).
 */
@Aggregate(cache = "aggregateCache")
public class Scheme {
    @AggregateIdentifier
    private String aggregateId;
    private String schemeId;
    private int year;
    private int latestVersion;
    private boolean latestPublished;
    private SchemeDocument latestDocument;

    protected Scheme() {
    }

    @CommandHandler
    public Scheme(DraftScheme command) {
        validate(command.document());
        apply(new SchemeDrafted(command.document().id(), 1, command.document()));
    }

    @CommandHandler
    void handle(DraftSchemeVersion command) {
        SchemeDocument doc = command.document();
        validate(doc);
        if (!schemeId.equals(doc.id())) {
            throw new InvalidInputException("id", "须与方案编号一致 / must be the scheme's id " + schemeId);
        }
        if (doc.year() != year) {
            throw new InvalidInputException("year", "新版本不能改变年度 / a new version cannot change the year " + year);
        }
        apply(new SchemeDrafted(schemeId, latestVersion + 1, doc));
    }

    @CommandHandler
    void handle(PublishScheme command) {
        if (latestPublished) {
            throw new ConflictException("方案第" + latestVersion + "版已发布，修改请提交新版本 / version "
                    + latestVersion + " is already published; submit a new version to change it");
        }
        apply(new SchemePublished(schemeId, latestVersion, year));
    }

    @CommandHandler
    void handle(CloseSchemeReporting command) {
        if (reportingClosed) {
            throw new ConflictException("该方案已截止报送 / reporting of this scheme is already closed");
        }
        if (command.closedOn() == null) {
            throw new InvalidInputException("closedOn", "必填 / required");
        }
        apply(new SchemeReportingClosed(schemeId, command.closedOn()));
    }

    /** The deadline checker: once the latest version's reporting deadline has passed, reporting closes. */
    @CommandHandler
    void handle(cn.duban.kernel.scheme.CheckSchemeReportingDeadline command) {
        java.time.LocalDate deadline = latestDocument.reportingDeadline();
        if (!reportingClosed && deadline != null && command.today().isAfter(deadline)) {
            apply(new SchemeReportingClosed(schemeId, command.today()));
        }
    }

    @EventSourcingHandler
    void on(SchemeReportingClosed event) {
        reportingClosed = true;
    }

    private static void validate(SchemeDocument doc) {
        List<Violation> violations = SchemeValidator.validate(doc);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }

    @EventSourcingHandler
    void on(SchemeDrafted event) {
        aggregateId = AggregateIds.scheme(event.schemeId());
        schemeId = event.schemeId();
        year = event.document().year();
        latestVersion = event.version();
        latestPublished = false;
        latestDocument = event.document();
    }

    private boolean reportingClosed;

    @EventSourcingHandler
    void on(SchemePublished event) {
        latestPublished = true;
    }

    /** An item of the latest version, for assessor records against it. */
    public Optional<SchemeItem> item(String code) {
        return latestDocument.item(code);
    }

    public java.util.List<SchemeItem> items() {
        return latestDocument.items();
    }

    public int year() {
        return year;
    }
}
