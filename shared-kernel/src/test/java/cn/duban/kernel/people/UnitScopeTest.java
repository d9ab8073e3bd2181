package cn.duban.kernel.people;

import cn.duban.kernel.error.ForbiddenException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnitScopeTest {
    @Test
    void unitStaffActForTheirOwnUnitOnly() {
        assertThatCode(() -> UnitScope.requireMayActFor(Role.UNIT_STAFF, "xinqi", "xinqi")).doesNotThrowAnyException();
        assertThatThrownBy(() -> UnitScope.requireMayActFor(Role.UNIT_STAFF, "xinqi", "daqi")).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> UnitScope.requireMayActFor("UNIT_STAFF", "xinqi", "daqi")).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void otherRolesAndTheSystemPassHere() {
        assertThatCode(() -> UnitScope.requireMayActFor(Role.LEAD_OFFICE, null, "daqi")).doesNotThrowAnyException();
        assertThatCode(() -> UnitScope.requireMayActFor((String) null, null, "daqi")).doesNotThrowAnyException();
        assertThatCode(() -> UnitScope.requireMayActFor("demo", null, "daqi")).doesNotThrowAnyException();
    }
}
