package cn.duban.platform.eventstore;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.ParameterResolver;
import org.axonframework.messaging.annotation.ParameterResolverFactory;

import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import java.time.Instant;

/** Resolves {@link RecordedAt} parameters; found by Axon through {@code META-INF/services}. */
public class RecordedAtParameterResolverFactory implements ParameterResolverFactory {

    @Override
    public ParameterResolver<Instant> createInstance(Executable executable, Parameter[] parameters, int parameterIndex) {
        Parameter parameter = parameters[parameterIndex];
        if (!parameter.isAnnotationPresent(RecordedAt.class) || !Instant.class.equals(parameter.getType())) {
            return null;
        }
        return new ParameterResolver<>() {
            @Override
            public Instant resolveParameterValue(Message<?> message) {
                return RecordingTime.of(message);
            }

            @Override
            public boolean matches(Message<?> message) {
                return message instanceof EventMessage;
            }
        };
    }
}
