package cn.duban.query.unit;

import cn.duban.query.common.ReadAfterWrite;
import cn.duban.query.unit.UnitsProjection.UnitView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

import static cn.duban.query.common.ReadAfterWrite.MIN_POSITION_HEADER;

/** Reads of the unit register. */
@RestController
@RequestMapping("/api")
@Tag(name = "单位 Units")
public class UnitQueryController {
    private final UnitQueries units;
    private final ReadAfterWrite readAfterWrite;

    public UnitQueryController(UnitQueries units, ReadAfterWrite readAfterWrite) {
        this.units = units;
        this.readAfterWrite = readAfterWrite;
    }

    @GetMapping("/units")
    @Operation(summary = "单位列表 / all units")
    public List<UnitView> units(@RequestHeader(value = MIN_POSITION_HEADER, required = false) Long min) {
        readAfterWrite.await(min);
        return units.all();
    }

    @GetMapping("/units/{unitId}")
    public UnitView unit(@PathVariable String unitId, @RequestHeader(value = MIN_POSITION_HEADER, required = false) Long min) {
        readAfterWrite.await(min);
        return units.one(unitId);
    }
}
