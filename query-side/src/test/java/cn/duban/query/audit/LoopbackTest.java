package cn.duban.query.audit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The acts from the server's own machine, which 操作留痕 and its workbook name 本机, and no others. */
class LoopbackTest {
    @Test
    void theServersOwnAddressesInEveryFormAndNoOther() {
        assertThat(AuditQueries.loopback("127.0.0.1")).isTrue();
        assertThat(AuditQueries.loopback("127.1.2.3")).isTrue();
        assertThat(AuditQueries.loopback("::1")).isTrue();
        assertThat(AuditQueries.loopback("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(AuditQueries.loopback("10.0.0.1")).isFalse();
        assertThat(AuditQueries.loopback("1270.0.0.1")).isFalse();
        assertThat(AuditQueries.loopback(null)).isFalse();
    }
}
