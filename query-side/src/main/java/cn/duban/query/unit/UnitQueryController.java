package cn.duban.query.unit;

import cn.duban.query.unit.UnitsProjection.UnitView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;


/** Reads of the unit register. */
@RestController
@RequestMapping("/api")
@Tag(name = "单位 Units")
public class UnitQueryController {
    private final UnitQueries units;

    public UnitQueryController(UnitQueries units) {
        this.units = units;
    }

    @GetMapping("/units")
    @Operation(summary = "单位列表 / all units")
    public List<UnitView> units() {
        return units.all();
    }

    @GetMapping("/units/{unitId}")
    public UnitView unit(@PathVariable String unitId) {
        return units.one(unitId);
    }
}
