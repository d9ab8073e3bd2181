package cn.duban.command.reporting;

import cn.duban.command.common.Created;
import cn.duban.kernel.reporting.InfoLevel;
import cn.duban.kernel.scheme.FactKind;
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

/** Request bodies of what units report, validated before any command is sent. */
public final class ReportingRequests {
    private ReportingRequests() {
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
            @NotBlank @Pattern(regexp = Created.NAME) String kind,
            @NotBlank @Size(max = 200) String title,
            @NotNull LocalDate launchedOn) {
    }

    public record ProgressRequest(
            @NotBlank @Pattern(regexp = Created.NAME) String measure,
            @NotNull @Positive @DecimalMax("100000000") BigDecimal quantity,
            @NotNull LocalDate on) {
    }

    public record ClosureRequest(@NotNull LocalDate on, @Size(max = 2000) String summary) {
    }

    public record IndicatorRequest(
            @NotBlank @Pattern(regexp = Created.NAME) String indicator,
            @NotNull @Min(2000) @Max(2100) Integer year,
            @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal value,
            @PositiveOrZero BigDecimal numerator,
            @Positive BigDecimal denominator) {
    }

    public record AchievementRequest(
            @NotNull FactKind kind,
            @NotBlank @Pattern(regexp = Created.NAME) String level,
            @NotBlank @Size(max = 200) String title,
            @NotNull LocalDate on) {
    }
}
