package cn.duban.command.common;

import cn.duban.kernel.scheme.SchemeItem;

/**
 * What a new fact refers to, checked before it is recorded: the unit must be registered, an
 * assessor record must name an item of an existing scheme. Injected into the fact aggregates'
 * command handlers.
 */
public interface References {
    /**
     * @return the unit's type (街道 or department), which says which of a scheme's items assess it
     * @throws cn.duban.kernel.error.NotFoundException when no such unit is registered
     */
    cn.duban.kernel.unit.UnitType requireUnit(String unitId);

    /**
     * @throws cn.duban.kernel.error.NotFoundException     when there is no such scheme
     * @throws cn.duban.kernel.error.InvalidInputException (field {@code itemCode}) when it has no such item
     */
    SchemeItem requireItem(String schemeId, String itemCode);

    /** @throws cn.duban.kernel.error.NotFoundException when there is no such scheme */
    java.util.List<SchemeItem> requireItemsOf(String schemeId);

    /**
     * An item of the scheme that assesses the unit. An adjustment, a failure, a self-assessment, an
     * appeal or a finding on an item the unit is not assessed on (a 街道's item for a department) was
     * stored and then counted nowhere: the unit's ledger holds only the items that assess it.
     *
     * @throws cn.duban.kernel.error.NotFoundException     when there is no such unit or scheme
     * @throws cn.duban.kernel.error.InvalidInputException (field {@code itemCode}) when the scheme has no such item, or it does not assess the unit
     */
    default SchemeItem requireItemFor(String unitId, String schemeId, String itemCode) {
        cn.duban.kernel.unit.UnitType type = requireUnit(unitId);
        SchemeItem item = requireItem(schemeId, itemCode);
        if (!item.appliesToOrDefault().matches(unitId, type)) {
            throw new cn.duban.kernel.error.InvalidInputException("itemCode",
                    "该项目不考核此单位 / item " + itemCode + " does not assess unit " + unitId);
        }
        return item;
    }

    /**
     * What a rectification needs to know of the finding it rectifies.
     *
     * @param stands false for a 互查 finding not (or not yet) confirmed by a supervisor
     */
    record FindingRef(String roundId, String findingId, String unitId, String itemCode, String text, boolean stands) {
    }

    /** @throws cn.duban.kernel.error.NotFoundException when there is no such round or no such finding in it */
    FindingRef requireFinding(String roundId, String findingId);

    /**
     * The unit whose record a progress report links to.
     *
     * @throws cn.duban.kernel.error.NotFoundException when there is no such record
     */
    String unitOf(cn.duban.kernel.assignment.FactLink link);

    /**
     * The files a record of {@code unitId} names, as stored: each must have been uploaded for that unit.
     *
     * @throws cn.duban.kernel.error.InvalidInputException (field {@code materials[i]}) when one was not
     */
    java.util.List<cn.duban.kernel.material.Material> requireMaterials(String unitId, java.util.List<String> sha256s);

    /** The district's date now, by the one clock (the demo's load sets it to each act's 2023 instant). */
    java.time.LocalDate today();

    /**
     * A reported fact has happened: its date is not after today. A training "held" next month
     * counted toward this year's quota from the day it was reported (a unit could report its
     * year's trainings in January), and a mistyped year (2099) stood in every list.
     *
     * @throws cn.duban.kernel.error.InvalidInputException (the given field) when the date is after today
     */
    default void requireHappened(String field, java.time.LocalDate date) {
        java.time.LocalDate today = today();
        if (date != null && date.isAfter(today)) {
            throw new cn.duban.kernel.error.InvalidInputException(field, "不能晚于今天（" + today + "）/ cannot be after today (" + today + ")");
        }
    }
}
