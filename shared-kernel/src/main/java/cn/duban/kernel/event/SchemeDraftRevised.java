package cn.duban.kernel.event;

import cn.duban.kernel.scheme.SchemeDocument;
import org.axonframework.serialization.Revision;

/** The open draft of a scheme replaced by a corrected document, before publication. */
@Revision("1")
public record SchemeDraftRevised(String schemeId, int version, SchemeDocument document) {
}
