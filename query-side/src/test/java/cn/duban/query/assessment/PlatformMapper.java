package cn.duban.query.assessment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/** A mapper configured as the platform's properties configure Spring's (duban-platform.properties), for the tests of kept JSON. */
final class PlatformMapper {
    private PlatformMapper() {
    }

    static Jackson2ObjectMapperBuilder builder() {
        return Jackson2ObjectMapperBuilder.json()
                .featuresToEnable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .serializationInclusion(JsonInclude.Include.NON_NULL);
    }
}
