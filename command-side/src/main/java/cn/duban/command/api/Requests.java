package cn.duban.command.api;

import cn.duban.kernel.scheme.FactKind;
import cn.duban.kernel.unit.InfoLevel;
import cn.duban.kernel.unit.UnitType;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Request bodies of the command API, validated before any command is sent. */
public final class Requests {
    /** Names that become keys in stored documents. */
    static final String NAME = "[A-Za-z0-9_-]{1,64}";

    private Requests() {
    }

    public record RegisterUnitRequest(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{0,63}", message = "须为小写字母、数字、点、横线或下划线，最长64位 / 1-64 of a-z 0-9 . _ -") String id,
            @NotBlank @Size(max = 100) String name,
            @NotNull UnitType type) {
    }

    public record TrainingRequest(
            @NotNull LocalDate heldOn,
            @NotBlank @Size(max = 200) String topic,
            @PositiveOrZero @Max(1_000_000) Integer attendees,
            @DecimalMin("0") @DecimalMax("1000") BigDecimal hours) {
    }

    public record InfoReportRequest(@NotBlank @Size(max = 200) String title, @NotNull LocalDate submittedOn) {
    }

    public record AcceptanceRequest(@NotNull InfoLevel level) {
    }

    public record RejectionRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    public record CampaignRequest(
            @NotBlank @Pattern(regexp = NAME) String kind,
            @NotBlank @Size(max = 200) String title,
            @NotNull LocalDate launchedOn) {
    }

    public record ProgressRequest(
            @NotBlank @Pattern(regexp = NAME) String measure,
            @NotNull @Positive @DecimalMax("100000000") BigDecimal quantity,
            @NotNull LocalDate on) {
    }

    public record ClosureRequest(@NotNull LocalDate on, @Size(max = 2000) String summary) {
    }

    public record IndicatorRequest(
            @NotBlank @Pattern(regexp = NAME) String indicator,
            @NotNull @Min(2000) @Max(2100) Integer year,
            @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal value,
            @PositiveOrZero BigDecimal numerator,
            @Positive BigDecimal denominator) {
    }

    public record AchievementRequest(
            @NotNull FactKind kind,
            @NotBlank @Pattern(regexp = NAME) String level,
            @NotBlank @Size(max = 200) String title,
            @NotNull LocalDate on) {
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

    public record SelfAssessmentRequest(
            @NotBlank String schemeId,
            @NotBlank String itemCode,
            @NotNull @DecimalMin("0") @DecimalMax("1000") BigDecimal score,
            @Size(max = 2000) String note) {
    }

    public record Created(String id) {
    }
}
