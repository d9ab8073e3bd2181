package cn.duban.command.unit;

import cn.duban.command.common.CommandDispatch;
import cn.duban.command.common.Created;
import cn.duban.command.unit.UnitRequests.RegisterUnitRequest;
import cn.duban.kernel.unit.RegisterUnit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/units")
@Tag(name = "单位 Units")
public class UnitCommandController {
    private final CommandDispatch commands;
    private final org.axonframework.eventsourcing.eventstore.EventStore events;

    public UnitCommandController(CommandDispatch commands, org.axonframework.eventsourcing.eventstore.EventStore events) {
        this.commands = commands;
        this.events = events;
    }

    @PostMapping("/builtin/beilun")
    @Operation(summary = "登记北仑名册 / register the Beilun roster (34 departments, 10 sub-districts, and the 2 departments only the 2022 tables name)",
            description = "Registers those not registered yet; the roster stays data the lead office edits.")
    public java.util.Map<String, Object> registerBeilunRoster() {
        java.util.List<String> registered = new java.util.ArrayList<>();
        java.util.List<cn.duban.kernel.scheme.beilun.Beilun2023.RosterUnit> roster = new java.util.ArrayList<>(cn.duban.kernel.scheme.beilun.Beilun2023.roster().units());
        java.util.Set<String> ids = new java.util.HashSet<>(roster.stream().map(cn.duban.kernel.scheme.beilun.Beilun2023.RosterUnit::id).toList());
        // Renamed bodies keep their 2023 id and name; only the bodies 2023 no longer has are added.
        cn.duban.kernel.scheme.beilun.Beilun2022.roster().units().stream().filter(u -> !ids.contains(u.id())).forEach(roster::add);
        for (var u : roster) {
            // Looked up first, so a unit already registered costs a read, never a refused append.
            if (events.lastSequenceNumberFor(cn.duban.kernel.AggregateIds.unit(u.id())).isPresent()) {
                continue;
            }
            try {
                commands.send(new RegisterUnit(u.id(), u.name(), u.type()));
                registered.add(u.id());
            } catch (org.axonframework.modelling.command.AggregateStreamCreationException registeredMeanwhile) {
                // another request registered it a moment ago: kept as that one registered it
            }
        }
        return java.util.Map.of("registered", registered);
    }

    public record RetirementRequest(@jakarta.validation.constraints.NotNull java.time.LocalDate on,
                                    @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 500) String reason) {
    }

    @PostMapping("/{unitId}/retirement")
    @Operation(summary = "单位撤并 / retire a unit after a reform: schemes of later years no longer assess it",
            description = "Once; again → 409. The years up to the day keep scoring and ranking it.")
    public java.util.Map<String, String> retire(@org.springframework.web.bind.annotation.PathVariable String unitId,
                                                @Valid @RequestBody RetirementRequest r) {
        commands.send(new cn.duban.kernel.unit.RetireUnit(unitId, r.on(), r.reason()));
        return java.util.Map.of("id", unitId, "retiredOn", r.on().toString());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记考核单位 / register a unit", description = "A unit id already registered is a 409.")
    public Created register(@Valid @RequestBody RegisterUnitRequest request) {
        commands.send(new RegisterUnit(request.id(), request.name(), request.type()));
        return new Created(request.id());
    }
}
