package cn.duban.command.unit;

import cn.duban.kernel.error.ConflictException;
import cn.duban.kernel.error.InvalidInputException;
import cn.duban.kernel.unit.RegisterUnit;
import cn.duban.kernel.unit.RenameUnit;
import cn.duban.kernel.unit.UnitRenamed;
import cn.duban.kernel.unit.UnitRetired;
import cn.duban.kernel.unit.UnitRegistered;
import cn.duban.kernel.unit.UnitType;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.hamcrest.Matchers.startsWith;

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

        static final UnitRegistered SHEHUI = new UnitRegistered("zongzhiban", "区综治办", UnitType.DEPARTMENT);
        static final LocalDate REFORM = LocalDate.of(2023, 1, 1);

        @Test
        void aRenameNamesTheNameBeforeIt() {
            fixture.given(SHEHUI)
                    .when(new RenameUnit("zongzhiban", " 区社会治理中心 ", REFORM, "机构改革"))
                    .expectEvents(new UnitRenamed("zongzhiban", "区社会治理中心", "区综治办", REFORM, "机构改革"));
            fixture.given(SHEHUI, new UnitRenamed("zongzhiban", "区社会治理中心", "区综治办", REFORM, "机构改革"))
                    .when(new RenameUnit("zongzhiban", "区综治办", REFORM.plusYears(1), "恢复原名"))
                    .expectEvents(new UnitRenamed("zongzhiban", "区综治办", "区社会治理中心", REFORM.plusYears(1), "恢复原名"));
        }

        @Test
        void aRenameToTheNameItHasOrWithoutADayOrReasonIsRefusedNamingTheField() {
            fixture.given(SHEHUI).when(new RenameUnit("zongzhiban", "区综治办", REFORM, "x"))
                    .expectException(InvalidInputException.class).expectExceptionMessage(startsWith("name:"));
            fixture.given(SHEHUI).when(new RenameUnit("zongzhiban", " ", REFORM, "x"))
                    .expectException(InvalidInputException.class).expectExceptionMessage(startsWith("name:"));
            fixture.given(SHEHUI).when(new RenameUnit("zongzhiban", "区社会治理中心", null, "x"))
                    .expectException(InvalidInputException.class).expectExceptionMessage(startsWith("on:"));
            fixture.given(SHEHUI).when(new RenameUnit("zongzhiban", "区社会治理中心", REFORM, ""))
                    .expectException(InvalidInputException.class).expectExceptionMessage(startsWith("reason:"));
        }

        @Test
        void aRetiredUnitIsNotRenamed() {
            fixture.given(SHEHUI, new UnitRetired("zongzhiban", REFORM, "并入区社会治理中心"))
                    .when(new RenameUnit("zongzhiban", "区社会治理中心", REFORM, "机构改革"))
                    .expectException(ConflictException.class).expectNoEvents();
        }
    }
}
