package cn.duban.kernel.scheme;

/**
 * Events of an assessment scheme (考核方案): drafts and the published version.
 * Sealed, so a {@code switch} over the family is checked by the compiler.
 */
public sealed interface SchemeEvent permits SchemeDrafted, SchemePublished, SchemeReportingClosed {
}
