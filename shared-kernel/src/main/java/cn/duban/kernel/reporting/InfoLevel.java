package cn.duban.kernel.reporting;

/** How an accepted information report counts: an ordinary item or a typical-experience piece (典型经验综合类). */
public enum InfoLevel {
    GENERAL,
    TYPICAL
}
