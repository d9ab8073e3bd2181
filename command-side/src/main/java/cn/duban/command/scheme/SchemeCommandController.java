package cn.duban.command.scheme;

import cn.duban.command.common.CommandDispatch;
import cn.duban.command.common.Created;
import cn.duban.kernel.scheme.DraftScheme;
import cn.duban.kernel.scheme.DraftSchemeVersion;
import cn.duban.kernel.scheme.PublishScheme;
import cn.duban.kernel.error.InvalidInputException;
import cn.duban.kernel.scheme.SchemeDocument;
import cn.duban.platform.web.ApiExceptionHandler;
import cn.duban.platform.web.StrictJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.Map;

@RestController
@RequestMapping("/api/schemes")
@Tag(name = "考核方案 Schemes")
public class SchemeCommandController {
    /** Scheme documents are read strictly: a misspelt field is an error, not a silently lost rule. */
    // A scheme is read by mappers of its own (JSON or YAML), behind the same boundary as every other
    // body (StrictJson): before, "year":2030.5 was stored as 2030, "max":1e300 and a title of 20,000
    // characters with a NUL in it were accepted, and a key given twice kept its last value.
    private static final ObjectMapper JSON = StrictJson.apply(JsonMapper.builder().addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build());
    private static final ObjectMapper YAML = StrictJson.apply(YAMLMapper.builder().addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build());

    private final CommandDispatch commands;
    private final java.time.Clock clock;

    public SchemeCommandController(CommandDispatch commands, java.time.Clock dubanClock) {
        this.commands = commands;
        this.clock = dubanClock;
    }

    @PostMapping(consumes = {MediaType.APPLICATION_JSON_VALUE, "application/yaml", "application/x-yaml", "text/yaml"})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "起草考核方案 / draft a scheme (JSON or YAML)", description = "The whole document is validated before anything is stored.")
    public Created draft(@RequestBody byte[] body, @RequestHeader("Content-Type") MediaType type) {
        SchemeDocument doc = parse(body, type);
        commands.send(new DraftScheme(doc));
        return new Created(doc.id());
    }

    @PostMapping(path = "/{id}/versions", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/yaml", "application/x-yaml", "text/yaml"})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "起草新版本 / draft the next version from a full document")
    public Created draftVersion(@PathVariable String id, @RequestBody byte[] body, @RequestHeader("Content-Type") MediaType type) {
        commands.send(new DraftSchemeVersion(id, parse(body, type)));
        return new Created(id);
    }

    @PostMapping("/builtin/{builtin}")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "起草内置方案 / draft a built-in scheme: beilun-2023 or beilun-2022",
            description = "beilun-2023: both tables of 仑流管中心〔2023〕2号, 79 items; beilun-2022: the earlier method (seed 000), "
                    + "the year before, so 2023's year-on-year rules have its figures. Standards word for word; publish as usual. Again → 409.")
    public Created draftBuiltIn(@PathVariable String builtin) {
        SchemeDocument doc = switch (builtin) {
            case "beilun-2023" -> cn.duban.kernel.scheme.beilun.Beilun2023.scheme();
            case "beilun-2022" -> cn.duban.kernel.scheme.beilun.Beilun2022.scheme();
            default -> throw new cn.duban.kernel.error.NotFoundException("没有该内置方案 / no built-in scheme " + builtin);
        };
        commands.send(new DraftScheme(doc));
        return new Created(doc.id());
    }

    @PostMapping("/{id}/publish")
    @Operation(summary = "发布方案 / publish the open draft", description = "409 when there is no unpublished version.")
    public Map<String, String> publish(@PathVariable String id) {
        commands.send(new PublishScheme(id));
        return Map.of("id", id, "status", "PUBLISHED");
    }

    @PostMapping("/{id}/reporting-closure")
    @Operation(summary = "截止报送 / close the year's reporting: figures still missing now deduct as the rules say",
            description = "Until then, a scheme with a reportingDeadline shows a missing figure as 待补报 with no deduction. Once; again → 409.")
    public Map<String, String> closeReporting(@PathVariable String id) {
        java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(cn.duban.kernel.calendar.DistrictTime.ZONE));
        commands.send(new cn.duban.kernel.scheme.CloseSchemeReporting(id, today));
        return Map.of("id", id, "reporting", "CLOSED", "closedOn", today.toString());
    }

    static SchemeDocument parse(byte[] body, MediaType type) {
        ObjectMapper mapper = type.getSubtype().contains("yaml") ? YAML : JSON;
        if (body == null || body.length == 0) {
            throw new InvalidInputException("", "缺少方案文档 / scheme document is missing");
        }
        try {
            SchemeDocument doc = mapper.readValue(body, SchemeDocument.class);
            if (doc == null) {
                throw new InvalidInputException("", "缺少方案文档 / scheme document is missing");
            }
            return doc;
        } catch (JsonProcessingException e) {
            var twice = ApiExceptionHandler.duplicateKey(e);
            if (twice.isPresent()) {
                throw new InvalidInputException(twice.get().field(), twice.get().message());
            }
            if (e instanceof JsonMappingException jme) {
                // In words, as for any body: Jackson's own text names Java types ("java.math.BigDecimal").
                throw new InvalidInputException(ApiExceptionHandler.path(jme), ApiExceptionHandler.describe(jme));
            }
            var at = e.getLocation();
            throw new InvalidInputException("", at == null ? "文档无法解析 / cannot parse the document"
                    : "文档无法解析，错在第" + at.getLineNr() + "行第" + at.getColumnNr() + "列 / cannot parse the document at line "
                    + at.getLineNr() + ", column " + at.getColumnNr());
        } catch (IOException e) {
            throw new InvalidInputException("", "文档无法读取 / cannot read the document");
        }
    }
}
