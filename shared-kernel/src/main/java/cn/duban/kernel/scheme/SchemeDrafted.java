package cn.duban.kernel.scheme;

import org.axonframework.serialization.Revision;

/** A scheme version drafted: version 1 is the scheme itself, later ones are amendments. */
@Revision("1")
public record SchemeDrafted(String schemeId, int version, SchemeDocument document) implements SchemeEvent {
}
