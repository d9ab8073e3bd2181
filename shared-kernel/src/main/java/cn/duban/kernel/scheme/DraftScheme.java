package cn.duban.kernel.scheme;


/** Draft a new scheme from a full document (version 1). */
public record DraftScheme(SchemeDocument document) {}
