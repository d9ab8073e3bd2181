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
import cn.duban.kernel.AggregateIds;
import cn.duban.kernel.scheme.beilun.Beilun2022;
import cn.duban.kernel.scheme.beilun.Beilun2023;
import cn.duban.kernel.unit.RenameUnit;
import cn.duban.kernel.unit.RetireUnit;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.web.bind.annotation.PathVariable;

@RestController
@RequestMapping("/api/units")
@Tag(name = "单位 Units")
public class UnitCommandController {
    private final CommandDispatch commands;
    private final EventStore events;

    public UnitCommandController(CommandDispatch commands, EventStore events) {
        this.commands = commands;
        this.events = events;
    }

    @PostMapping("/builtin/beilun")
    @Operation(summary = "登记北仑名册 / register the Beilun roster (34 departments, 10 sub-districts)",
            description = "Registers those not registered yet; the roster stays data the lead office edits.")
    public Map<String, Object> registerBeilunRoster() {
        return Map.of("registered", register(Beilun2023.roster().units()));
    }

    @PostMapping("/builtin/beilun-2022")
    @Operation(summary = "登记北仑2022名册 / register the units 2022's tables name that the 2023 roster has not, retired at the end of 2022",
            description = "For a district loading its 2022 history: 区综治办 and 区新兴产业和服务业发展局, merged in the 2023 reform, "
                    + "so 2022's scheme assesses them and 2023's does not. Units already registered are left as they are.")
    public Map<String, Object> registerBeilun2022Roster() {
        Set<String> in2023 = new HashSet<>(Beilun2023.roster().units().stream()
                .map(Beilun2023.RosterUnit::id).toList());
        List<Beilun2023.RosterUnit> only2022 = Beilun2022.roster().units()
                .stream().filter(u -> !in2023.contains(u.id())).toList();
        List<String> registered = register(only2022);
        for (var u : only2022) {
            if (registered.contains(u.id()) && u.retiredOn() != null) {
                commands.send(new RetireUnit(u.id(), u.retiredOn(), u.retiredBecause()));
            }
        }
        return Map.of("registered", registered);
    }

    private List<String> register(List<Beilun2023.RosterUnit> roster) {
        List<String> registered = new ArrayList<>();
        for (var u : roster) {
            // Looked up first, so a unit already registered costs a read, never a refused append.
            if (events.lastSequenceNumberFor(AggregateIds.unit(u.id())).isPresent()) {
                continue;
            }
            try {
                commands.send(new RegisterUnit(u.id(), u.name(), u.type()));
                registered.add(u.id());
            } catch (AggregateStreamCreationException registeredMeanwhile) {
                // another request registered it a moment ago: kept as that one registered it
            }
        }
        return registered;
    }

    public record RetirementRequest(@NotNull LocalDate on,
                                    @NotBlank @Size(max = 500) String reason) {
    }

    @PostMapping("/{unitId}/retirement")
    @Operation(summary = "单位撤并 / retire a unit after a reform: schemes of later years no longer assess it",
            description = "Once; again → 409. The years up to the day keep scoring and ranking it.")
    public Map<String, String> retire(@PathVariable String unitId,
                                                @Valid @RequestBody RetirementRequest r) {
        commands.send(new RetireUnit(unitId, r.on(), r.reason()));
        return Map.of("id", unitId, "retiredOn", r.on().toString());
    }

    public record RenamingRequest(@NotBlank @Size(max = 100) String name,
                                  @NotNull LocalDate on,
                                  @NotBlank @Size(max = 500) String reason) {
    }

    @PostMapping("/{unitId}/renaming")
    @Operation(summary = "单位更名 / rename a unit after a reform: the same unit, its history kept",
            description = "Answers as of an instant before the rename was recorded (a published notice, a ranking as of a day) name the unit "
                    + "as it was named then; answers about now use the new name. The unit's name now again → 400 naming name; a retired unit → 409.")
    public Map<String, String> rename(@PathVariable String unitId,
                                                @Valid @RequestBody RenamingRequest r) {
        commands.send(new RenameUnit(unitId, r.name(), r.on(), r.reason()));
        return Map.of("id", unitId, "name", r.name().strip());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记考核单位 / register a unit", description = "A unit id already registered is a 409.")
    public Created register(@Valid @RequestBody RegisterUnitRequest request) {
        commands.send(new RegisterUnit(request.id(), request.name(), request.type()));
        return new Created(request.id());
    }
}
