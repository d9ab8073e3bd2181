package cn.duban.kernel.assessment;

/** A unit appeals (申诉) its score on one item, with its reason. */
public record FileAppeal(String appealId, String unitId, String schemeId, String itemCode, String reason) {
}
