package cn.duban.kernel.command;

import cn.duban.kernel.scheme.SchemeDocument;

/** Draft a new scheme from a full document (version 1). */
public record DraftScheme(SchemeDocument document) {}
