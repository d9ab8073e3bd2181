package cn.duban.kernel.assessment;

/**
 * The wording a results notice was published in. A published notice is re-rendered from the events
 * before it, so its template is part of the record: a notice published before commendations
 * existed reads as it did then.
 */
public enum NoticeTemplate {
    /** Ranking and grades. */
    GRADES,
    /** Ranking and grades, then 表彰 (先进单位) and 通报批评 ({@code NoticeHonours}). */
    GRADES_HONOURS;

    public static final NoticeTemplate CURRENT = GRADES_HONOURS;

    /** A notice stored before templates were recorded was published in {@link #GRADES}. */
    public static NoticeTemplate orFirst(NoticeTemplate t) {
        return t == null ? GRADES : t;
    }
}
