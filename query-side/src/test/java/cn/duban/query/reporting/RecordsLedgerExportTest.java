package cn.duban.query.reporting;

import cn.duban.kernel.Words;
import cn.duban.query.reporting.ReportedRecordsProjection.CampaignStep;
import cn.duban.query.reporting.ReportedRecordsProjection.RecordView;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The ledger's 详情 column says each kind of record as the workbench's 填报记录 does, in Chinese. */
class RecordsLedgerExportTest {
    static RecordView record(String kind) {
        RecordView v = new RecordView();
        v.kind = kind;
        return v;
    }

    @Test
    void aTrainingByItsKindAudienceAttendeesAndHours() {
        RecordView v = record("TRAINING");
        v.trainingKind = "BUSINESS";
        v.audience = "协管员";
        v.attendees = 40;
        v.hours = new BigDecimal("2.50");
        assertThat(RecordsLedgerExport.details(v)).isEqualTo(Words.zh("trainingKind", "BUSINESS") + "，协管员，40人，2.5学时");
        v.attendees = 0;
        v.hours = BigDecimal.ZERO;
        v.audience = null;
        assertThat(RecordsLedgerExport.details(v)).as("what was not given is left out").isEqualTo(Words.zh("trainingKind", "BUSINESS"));
    }

    @Test
    void anInformationReportByItsCategoryAndTheLevelItWasAcceptedAt() {
        RecordView v = record("INFO_REPORT");
        v.category = "工作动态";
        assertThat(RecordsLedgerExport.details(v)).isEqualTo("工作动态");
        v.level = "TYPICAL";
        assertThat(RecordsLedgerExport.details(v)).isEqualTo("工作动态，典型经验综合类信息");
    }

    @Test
    void anIndicatorFigureAsARateOrACountWithItsCounts() {
        RecordView rate = record("INDICATOR");
        rate.indicator = "registration_rate";
        rate.year = 2023;
        rate.value = new BigDecimal("96.50");
        rate.numerator = new BigDecimal("193");
        rate.denominator = new BigDecimal("200");
        assertThat(RecordsLedgerExport.details(rate)).isEqualTo("2023年度：96.5%，193/200");
        RecordView count = record("INDICATOR");
        count.indicator = Words.codes("countIndicator").iterator().next();
        count.year = 2023;
        count.value = new BigDecimal("12");
        assertThat(RecordsLedgerExport.details(count)).isEqualTo("2023年度：12");
    }

    @Test
    void anAchievementByItsKindAndLevel() {
        RecordView v = record("ACHIEVEMENT");
        v.achievementKind = "MEDIA_PUBLICATION";
        v.level = "CITY";
        assertThat(RecordsLedgerExport.details(v)).isEqualTo("媒体刊发，市级");
    }

    @Test
    void aCampaignByItsKindTotalsAndEachStepOnALineOfItsOwnAWithdrawnOneSaidSo() {
        RecordView v = record("CAMPAIGN");
        v.campaignKind = "GROUP_RENTAL";
        v.totals.put("communities_rectified", new BigDecimal("3"));
        CampaignStep kept = new CampaignStep();
        kept.on = LocalDate.of(2023, 5, 1);
        kept.measure = "communities_rectified";
        kept.quantity = new BigDecimal("3");
        CampaignStep withdrawn = new CampaignStep();
        withdrawn.on = LocalDate.of(2023, 5, 2);
        withdrawn.measure = "communities_rectified";
        withdrawn.quantity = new BigDecimal("30");
        withdrawn.withdrawnAt = Instant.parse("2023-05-03T02:00:00Z");
        withdrawn.reason = "多录了一个0";
        v.steps.add(kept);
        v.steps.add(withdrawn);
        assertThat(RecordsLedgerExport.details(v)).isEqualTo("出租房屋“群租群居”整治，整治小区（个）：3\n进展 2023-05-01 整治小区（个） 3"
                + "\n进展 2023-05-02 整治小区（个） 30（已撤回：多录了一个0）");
    }

    @Test
    void anAppealByItsReason() {
        RecordView v = record("APPEAL");
        v.text = "登记率数据有误";
        assertThat(RecordsLedgerExport.details(v)).isEqualTo("登记率数据有误");
    }
}
