package cn.duban.platform.security;

import cn.duban.kernel.people.Role;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Rights are read once a second at most, read again at once after a change, and never remembered from before a change. */
class RecentRightsTest {
    final AtomicInteger reads = new AtomicInteger();

    DubanPrincipal user(Role role) {
        reads.incrementAndGet();
        return new DubanPrincipal("wang", "王", role, "xinqi", "hash", true, false);
    }

    @Test
    void readOnceASecondAndAgainAfterAChange() throws InterruptedException {
        RecentRights recent = new RecentRights();
        assertThat(recent.get("wang", u -> user(Role.UNIT_STAFF)).role()).isEqualTo(Role.UNIT_STAFF);
        assertThat(recent.get("wang", u -> user(Role.LEADER)).role()).isEqualTo(Role.UNIT_STAFF);
        assertThat(reads).hasValue(1);
        recent.forget("wang");
        assertThat(recent.get("wang", u -> user(Role.LEADER)).role()).isEqualTo(Role.LEADER);
        Thread.sleep(RecentRights.FRESH.toMillis() + 50);
        assertThat(recent.get("wang", u -> user(Role.SUPERVISOR)).role()).isEqualTo(Role.SUPERVISOR);
        assertThat(reads).hasValue(3);
    }

    @Test
    void aReadBegunBeforeAChangeIsNotRemembered() {
        RecentRights recent = new RecentRights();
        // The directory changes while the old rights are being read.
        recent.get("wang", u -> {
            DubanPrincipal old = user(Role.UNIT_STAFF);
            recent.forget("wang");
            return old;
        });
        assertThat(recent.get("wang", u -> user(Role.LEADER)).role()).isEqualTo(Role.LEADER);
    }
}
