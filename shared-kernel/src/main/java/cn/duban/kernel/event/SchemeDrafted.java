package cn.duban.kernel.event;

import cn.duban.kernel.scheme.SchemeDocument;
import org.axonframework.serialization.Revision;

/** A scheme version drafted: version 1 is the scheme itself, later ones are amendments. */
@Revision("1")
public record SchemeDrafted(String schemeId, int version, SchemeDocument document) {
}
