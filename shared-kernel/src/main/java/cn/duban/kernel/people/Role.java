package cn.duban.kernel.people;

/** Who a user is to the assessment (DOMAIN.md): each user holds exactly one role at a time. */
public enum Role {
    /** 流管中心 / 管理员: runs the assessment, accepts and scores, manages users. */
    LEAD_OFFICE,
    /** A unit's staff, bound to that one unit: report its work, never score it. */
    UNIT_STAFF,
    /** 督查组: inspects, samples, finds and orders rectification; records no facts. */
    SUPERVISOR,
    /** 领导查看: reads everything, changes nothing. */
    LEADER
}
