package cn.duban.query.supervision;

import cn.duban.query.supervision.CopyNoticesProjection.CopyNoticeView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Reads of 抄告单. */
@RestController
@Tag(name = "督查 Inspections")
public class CopyNoticeQueryController {
    private final CopyNoticeQueries notices;
    private final cn.duban.query.unit.UnitQueries units;

    public CopyNoticeQueryController(CopyNoticeQueries notices, cn.duban.query.unit.UnitQueries units) {
        this.notices = notices;
        this.units = units;
    }

    @GetMapping("/api/copy-notices")
    @Operation(summary = "抄告单 / copy notices, to or from a unit when unitId is given, newest first")
    public List<CopyNoticeView> all(@RequestParam(required = false) String unitId) {
        units.requireKnown("unitId", unitId);
        return notices.all(unitId);
    }

    @GetMapping("/api/copy-notices/{id}")
    public CopyNoticeView one(@PathVariable String id) {
        return notices.one(id);
    }
}
