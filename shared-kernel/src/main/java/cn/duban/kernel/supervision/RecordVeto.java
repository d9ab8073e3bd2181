package cn.duban.kernel.supervision;

/** 一票否决: a unit is vetoed for a scheme's year, with the reason; it ranks last. */
public record RecordVeto(String vetoId, String unitId, String schemeId, String reason) {
}
