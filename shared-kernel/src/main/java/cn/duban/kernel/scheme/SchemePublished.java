package cn.duban.kernel.scheme;

import org.axonframework.serialization.Revision;

/** A scheme version published: frozen, and the version in force from now on. */
@Revision("1")
public record SchemePublished(String schemeId, int version, int year) implements SchemeEvent {
}
