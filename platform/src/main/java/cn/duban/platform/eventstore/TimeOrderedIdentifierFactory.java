package cn.duban.platform.eventstore;

import org.axonframework.common.IdentifierFactory;

/** Axon's identifiers of messages (events among them), made by {@link TimeOrderedIds}; found through {@code META-INF/services}. */
public class TimeOrderedIdentifierFactory extends IdentifierFactory {
    @Override
    public String generateIdentifier() {
        return TimeOrderedIds.next();
    }
}
