package cn.duban.command.common;

import cn.duban.kernel.scheme.SchemeItem;

/**
 * What a new fact refers to, checked before it is recorded: the unit must be registered, an
 * assessor record must name an item of an existing scheme. Injected into the fact aggregates'
 * command handlers.
 */
public interface References {
    /** @throws cn.duban.kernel.error.NotFoundException when no such unit is registered */
    void requireUnit(String unitId);

    /**
     * @throws cn.duban.kernel.error.NotFoundException     when there is no such scheme
     * @throws cn.duban.kernel.error.InvalidInputException (field {@code itemCode}) when it has no such item
     */
    SchemeItem requireItem(String schemeId, String itemCode);

    /** @throws cn.duban.kernel.error.NotFoundException when there is no such scheme */
    java.util.List<SchemeItem> requireItemsOf(String schemeId);

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
}
