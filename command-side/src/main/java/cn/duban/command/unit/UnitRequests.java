package cn.duban.command.unit;

import cn.duban.kernel.unit.UnitType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the unit register. */
public final class UnitRequests {
    private UnitRequests() {
    }

    public record RegisterUnitRequest(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{0,63}", message = "须为小写字母、数字、点、横线或下划线，最长64位 / 1-64 of a-z 0-9 . _ -") String id,
            @NotBlank @Size(max = 100) String name,
            @NotNull UnitType type) {
    }
}
