package cn.duban.command.unit;

import cn.duban.kernel.unit.RegisterUnit;
import cn.duban.kernel.unit.UnitRegistered;
import cn.duban.kernel.unit.UnitType;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static cn.duban.command.common.AggregateFixtures.fixture;

/** Given-when-then for the unit register. */
class UnitTest {
    @Nested
    class Units {
        FixtureConfiguration<Unit> fixture = new AggregateTestFixture<>(Unit.class);

        @Test
        void registers() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterUnit("xinqi", " 新碶街道 ", UnitType.STREET))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new UnitRegistered("xinqi", "新碶街道", UnitType.STREET));
        }
    }
}
