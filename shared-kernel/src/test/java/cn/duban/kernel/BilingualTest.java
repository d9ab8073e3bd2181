package cn.duban.kernel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BilingualTest {
    @Test
    void aMessageInBothLanguagesGivesItsChineseHalfWithItsData() {
        assertThat(Bilingual.chinese("催办 / urged：出租房屋排查")).isEqualTo("催办：出租房屋排查");
        assertThat(Bilingual.chinese("限期整改 / rectify by 2023-08-10：培训台账不全")).isEqualTo("限期整改：培训台账不全");
        assertThat(Bilingual.chinese("截止 2023-03-31，剩余 1 天 / due 2023-03-31, 1 day left")).isEqualTo("截止 2023-03-31，剩余 1 天");
        assertThat(Bilingual.chinese("正常推进 → 已逾期 / On track → Overdue")).isEqualTo("正常推进 → 已逾期");
    }

    @Test
    void whatAPersonWroteStaysAsItIs() {
        assertThat(Bilingual.chinese("请于本周内报送进展")).isEqualTo("请于本周内报送进展");
        assertThat(Bilingual.chinese("已完成 / 部分完成：见附件")).as("no English half").isEqualTo("已完成 / 部分完成：见附件");
        assertThat(Bilingual.chinese("e乡北仑 / 数据共享")).as("a Latin letter in the first half: not a message").isEqualTo("e乡北仑 / 数据共享");
        assertThat(Bilingual.chinese(null)).isNull();
    }
}
