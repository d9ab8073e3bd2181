package cn.duban.kernel.scheme.beilun;

import cn.duban.kernel.scheme.SchemeDocument;

/**
 * The year before: the earlier method of seed 000 (区流动人口管理服务中心流动人口服务管理目标责任制
 * 考核办法), shipped as Beilun's 2022 scheme so that 2023's year-on-year rules have a real previous
 * year. Both tables — 附件1 for the sub-districts, 附件2 for the departments its tables name — item by
 * item with the standards word for word, and the method's note on conversion and inspections.
 *
 * <p>Its roster follows the tables, not the method's header list (they differ; the roster's note
 * says how). Bodies renamed since keep their 2023 ids so figures compare year on year.
 */
public final class Beilun2022 {
    public static final String SCHEME_RESOURCE = "/cn/duban/kernel/scheme/beilun/beilun-2022.json";
    public static final String ROSTER_RESOURCE = "/cn/duban/kernel/scheme/beilun/roster-2022.json";

    private Beilun2022() {
    }

    public static SchemeDocument scheme() {
        return Resources.read(SCHEME_RESOURCE, SchemeDocument.class);
    }

    public static Beilun2023.Roster roster() {
        return Resources.read(ROSTER_RESOURCE, Beilun2023.Roster.class);
    }
}
