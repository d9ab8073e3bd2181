package cn.duban.kernel.unit;

/** The two kinds of assessed unit: sub-districts (附件1) and district departments (附件2). */
public enum UnitType {
    /** 街道 */
    STREET,
    /** 区级部门 */
    DEPARTMENT
}
