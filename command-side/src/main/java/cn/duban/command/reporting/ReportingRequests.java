package cn.duban.command.reporting;

import cn.duban.command.common.Batch;
import cn.duban.command.common.Created;
import cn.duban.kernel.material.Material;
import cn.duban.kernel.reporting.TrainingKind;
import cn.duban.kernel.reporting.InfoLevel;
import cn.duban.kernel.scheme.FactKind;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Request bodies of what units report, validated before any command is sent. */
public final class ReportingRequests {
    private ReportingRequests() {
    }

    /** {@code kind} defaults to 业务培训; {@code materials} are the sha256 of files uploaded for the unit (sign-in sheet, photos). */
    public record TrainingRequest(
            @NotNull LocalDate heldOn,
            @NotBlank @Size(max = 200) String topic,
            @PositiveOrZero @Max(1_000_000) Integer attendees,
            @DecimalMin("0") @DecimalMax("1000") BigDecimal hours,
            TrainingKind kind,
            @Size(max = 200) String audience,
            @Size(max = Material.MAX_PER_RECORD) List<@NotNull @Pattern(regexp = SHA256) String> materials) {
    }

    static final String SHA256 = Material.SHA256_REGEX;

    /** {@code text} is the report's body (正文); {@code materials} the sha256 of files uploaded for the unit. */
    public record InfoReportRequest(@NotBlank @Size(max = 200) String title, @NotNull LocalDate submittedOn,
                                    @Size(max = 10_000) String text, @Size(max = 50) String category,
                                    @Size(max = Material.MAX_PER_RECORD) List<@NotNull @Pattern(regexp = SHA256) String> materials) {
    }

    public record AcceptanceRequest(@NotNull InfoLevel level) {
    }

    public record RejectionRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    /** Several reports accepted at once (信息审核's 录用所选), each at the level chosen for it. */
    public record AcceptancesRequest(@NotEmpty @Size(max = Batch.MAX_ACTS) List<@NotNull @Valid ReportAcceptance> reports) {
    }

    public record ReportAcceptance(@NotBlank @Size(max = 200) String reportId, @NotNull InfoLevel level) {
    }

    /** Several reports sent back at once (退回所选) with one reason, each recording it. */
    public record RejectionsRequest(@NotEmpty @Size(max = Batch.MAX_ACTS) List<@NotBlank @Size(max = 200) String> reportIds,
                                    @NotBlank @Size(max = 1000) String reason) {
    }

    /** Why a record is withdrawn: said in its history and its score's explanation. */
    public record WithdrawalRequest(@NotBlank @Size(max = 500) String reason) {
    }

    public record CampaignRequest(
            @NotBlank @Pattern(regexp = Created.NAME) String kind,
            @NotBlank @Size(max = 200) String title,
            @NotNull LocalDate launchedOn) {
    }

    /** {@code materials}: the sha256 of files uploaded for the campaign's unit (台账资料, photos). */
    public record CampaignProgressRequest(
            @NotBlank @Pattern(regexp = Created.NAME) String measure,
            @NotNull @Positive @DecimalMax("100000000") BigDecimal quantity,
            @NotNull LocalDate on,
            @Size(max = Material.MAX_PER_RECORD) List<@NotNull @Pattern(regexp = SHA256) String> materials) {
    }

    public record ClosureRequest(@NotNull LocalDate on, @Size(max = 2000) String summary) {
    }

    public record IndicatorRequest(
            @NotBlank @Pattern(regexp = Created.NAME) String indicator,
            @NotNull @Min(2000) @Max(2100) Integer year,
            @NotNull @DecimalMin("0") @DecimalMax("1000000000") BigDecimal value,
            @PositiveOrZero BigDecimal numerator,
            @Positive BigDecimal denominator,
            @Size(max = Material.MAX_PER_RECORD) List<@NotNull @Pattern(regexp = SHA256) String> materials) {
    }

    /** A workbook's indicator figures entered by the lead office for many units (从Excel导入指标数据), each as its unit's {@link IndicatorRequest} would be. */
    public record FiguresRequest(@NotEmpty @Size(max = Batch.MAX_ACTS) List<@NotNull @Valid UnitFigure> figures) {
    }

    public record UnitFigure(
            @NotBlank @Size(max = 200) String unitId,
            @NotBlank @Pattern(regexp = Created.NAME) String indicator,
            @NotNull @Min(2000) @Max(2100) Integer year,
            @NotNull @DecimalMin("0") @DecimalMax("1000000000") BigDecimal value,
            @PositiveOrZero BigDecimal numerator,
            @Positive BigDecimal denominator) {
    }

    public record AchievementRequest(
            @NotNull FactKind kind,
            @NotBlank @Pattern(regexp = Created.NAME) String level,
            @NotBlank @Size(max = 200) String title,
            @NotNull LocalDate on,
            @Size(max = Material.MAX_PER_RECORD) List<@NotNull @Pattern(regexp = SHA256) String> materials) {
    }
}
