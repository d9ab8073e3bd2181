package cn.duban.command.supervision;

import cn.duban.kernel.error.InvalidInputException;
import cn.duban.kernel.error.NotFoundException;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static cn.duban.command.common.AggregateFixtures.fixture;

/** Given-when-then for vetoes (一票否决). */
class VetoTest {
    @Nested
    class Vetoes {
        FixtureConfiguration<Veto> fixture = fixture(Veto.class);

        @Test
        void recordedWithItsReason() {
            fixture.givenNoPriorActivity().when(new cn.duban.kernel.supervision.RecordVeto("v1", "xinqi", "beilun-2023", " 重大安全事故 "))
                    .expectEvents(new cn.duban.kernel.supervision.VetoRecorded("v1", "xinqi", "beilun-2023", "重大安全事故"));
        }

        @Test
        void noReasonOrNoSchemeStoresNothing() {
            fixture.givenNoPriorActivity().when(new cn.duban.kernel.supervision.RecordVeto("v1", "xinqi", "beilun-2023", " "))
                    .expectException(InvalidInputException.class).expectNoEvents();
            fixture.givenNoPriorActivity().when(new cn.duban.kernel.supervision.RecordVeto("v1", "xinqi", "nope", "r"))
                    .expectException(NotFoundException.class).expectNoEvents();
        }
    }
}
