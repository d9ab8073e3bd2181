package cn.duban.command.assessment;

import cn.duban.command.common.Batch;
import cn.duban.kernel.material.Material;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Request bodies of the lead office's assessment records and of appeals, validated before any command is sent. */
public final class AssessmentRequests {
    private AssessmentRequests() {
    }

    public record AdjustmentRequest(
            @NotBlank String schemeId,
            @NotBlank String itemCode,
            @NotNull @DecimalMin("-100") @DecimalMax("100") BigDecimal points,
            @NotBlank @Size(max = 1000) String reason) {
    }

    public record FailureRequest(
            @NotBlank String schemeId,
            @NotBlank String itemCode,
            @NotBlank @Size(max = 1000) String reason,
            @NotNull LocalDate on) {
    }

    /** One adjustment for several units at once (the same finding in several 街道): each unit its own. */
    public record AdjustmentsRequest(
            @NotEmpty @Size(max = Batch.MAX_ACTS) List<@NotBlank @Size(max = 200) String> unitIds,
            @NotBlank String schemeId,
            @NotBlank String itemCode,
            @NotNull @DecimalMin("-100") @DecimalMax("100") BigDecimal points,
            @NotBlank @Size(max = 1000) String reason) {
    }

    /** One failure recorded for several units at once: each unit its own, each deducting once. */
    public record FailuresRequest(
            @NotEmpty @Size(max = Batch.MAX_ACTS) List<@NotBlank @Size(max = 200) String> unitIds,
            @NotBlank String schemeId,
            @NotBlank String itemCode,
            @NotBlank @Size(max = 1000) String reason,
            @NotNull LocalDate on) {
    }

    public record SelfAssessmentRequest(
            @NotBlank String schemeId,
            @NotBlank String itemCode,
            @NotNull @DecimalMin("0") @DecimalMax("1000") BigDecimal score,
            @Size(max = 2000) String note) {
    }

    /** A unit's self-assessment of several items at once (工作填报 → 自评, at the year's end). */
    public record SelfAssessmentSheet(@NotBlank String schemeId,
                                      @NotEmpty @Size(max = 200) List<@NotNull @Valid SelfAssessedItem> items) {
    }

    public record SelfAssessedItem(@NotBlank String itemCode,
                                   @NotNull @DecimalMin("0") @DecimalMax("1000") BigDecimal score,
                                   @Size(max = 2000) String note) {
    }

    public record AppealRequest(@NotBlank String schemeId, @NotBlank String itemCode,
                                @NotBlank @Size(max = 2000) String reason,
                                @Size(max = Material.MAX_PER_RECORD) List<@NotNull @Pattern(regexp = Material.SHA256_REGEX) String> materials) {
    }

    public record AppealDecision(boolean upheld, @DecimalMin("-100") @DecimalMax("100") BigDecimal points,
                                 @NotBlank @Size(max = 2000) String note) {
    }

    /** 撤回申诉: why, as every 撤回 says it (at most 500 characters, as a record's withdrawal). */
    public record AppealWithdrawal(@NotBlank @Size(max = 500) String reason) {
    }
}
