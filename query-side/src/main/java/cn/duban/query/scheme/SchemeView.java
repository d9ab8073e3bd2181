package cn.duban.query.scheme;

import cn.duban.kernel.scheme.SchemeDocument;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A scheme with every version it ever had and when each was drafted and published: enough to say
 * which version was in force at any instant.
 */
public record SchemeView(String id, int year, String title, List<Version> versions, Instant reportingClosedAt) {

    /** A view of a scheme whose reporting is open. */
    public SchemeView(String id, int year, String title, List<Version> versions) {
        this(id, year, title, versions, null);
    }

    /** Whether reporting was closed by {@code at}: from then on missing figures deduct. */
    public boolean reportingClosedBy(Instant at) {
        return reportingClosedAt != null && !reportingClosedAt.isAfter(at);
    }

    /** This view after the year's reporting was closed; unchanged when it already was. */
    public SchemeView reportingClosed(Instant at) {
        return reportingClosedAt != null ? this : new SchemeView(id, year, title, versions, at);
    }


    public record Version(int version, Instant draftedAt, Instant publishedAt, SchemeDocument document) {
        public String status(int latest) {
            if (publishedAt != null) {
                return "PUBLISHED";
            }
            return version == latest ? "DRAFT" : "SUPERSEDED";
        }
    }

    /**
     * The version in force at {@code at}: the newest published by then; before any publication,
     * the newest draft by then (scores are provisional); empty before the scheme was drafted.
     */
    public Optional<Version> versionAt(Instant at) {
        Optional<Version> published = versions.stream()
                .filter(v -> v.publishedAt() != null && !v.publishedAt().isAfter(at))
                .max(Comparator.comparingInt(Version::version));
        if (published.isPresent()) {
            return published;
        }
        return versions.stream().filter(v -> !v.draftedAt().isAfter(at)).max(Comparator.comparingInt(Version::version));
    }

    /** This view after a version was drafted; unchanged when that version is already known. */
    public static SchemeView drafted(Optional<SchemeView> before, String schemeId, int version, SchemeDocument doc, Instant at) {
        List<Version> versions = new ArrayList<>(before.map(SchemeView::versions).orElse(List.of()));
        if (versions.stream().anyMatch(v -> v.version() == version)) {
            return before.get();
        }
        versions.add(new Version(version, at, null, doc));
        return new SchemeView(schemeId, doc.year(), doc.title(), List.copyOf(versions), before.map(SchemeView::reportingClosedAt).orElse(null));
    }

    /** This view after a version was published; unchanged when it already was. */
    public SchemeView published(int version, Instant at) {
        return new SchemeView(id, year, title, versions.stream()
                .map(v -> v.version() == version && v.publishedAt() == null ? new Version(v.version(), v.draftedAt(), at, v.document()) : v)
                .toList(), reportingClosedAt);
    }

    public Version latest() {
        return versions.get(versions.size() - 1);
    }

    public String status() {
        return versions.stream().anyMatch(v -> v.publishedAt() != null) ? "PUBLISHED" : "DRAFT";
    }
}
