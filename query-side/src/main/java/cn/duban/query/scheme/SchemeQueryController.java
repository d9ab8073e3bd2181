package cn.duban.query.scheme;

import cn.duban.kernel.scheme.SchemeDocument;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;


/** Reads of the assessment schemes. */
@RestController
@RequestMapping("/api")
@Tag(name = "考核方案 Schemes")
public class SchemeQueryController {
    private final SchemeQueries schemes;

    public SchemeQueryController(SchemeQueries schemes) {
        this.schemes = schemes;
    }

    public record SchemeSummary(String id, int year, String title, String status, int version) {
    }

    /** The latest version's document at the top level, with the scheme's status and version history. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SchemeDetails(@JsonUnwrapped SchemeDocument document, String status, int version,
                                Integer publishedVersion, List<VersionInfo> versions) {
    }

    public record VersionInfo(int version, String status, Instant draftedAt, Instant publishedAt) {
    }

    @GetMapping("/schemes")
    public List<SchemeSummary> schemes() {
        return schemes.all().stream()
                .map(s -> new SchemeSummary(s.id(), s.year(), s.title(), s.status(), s.latest().version())).toList();
    }

    @GetMapping("/schemes/{schemeId}")
    @Operation(summary = "方案详情 / the latest version's document with status and versions")
    public SchemeDetails scheme(@PathVariable String schemeId) {
        SchemeView s = schemes.one(schemeId);
        int latest = s.latest().version();
        Integer published = s.versions().stream().filter(v -> v.publishedAt() != null)
                .map(SchemeView.Version::version).reduce((a, b) -> b).orElse(null);
        return new SchemeDetails(s.latest().document(), s.status(), latest, published,
                s.versions().stream().map(v -> new VersionInfo(v.version(), v.status(latest), v.draftedAt(), v.publishedAt())).toList());
    }
}
