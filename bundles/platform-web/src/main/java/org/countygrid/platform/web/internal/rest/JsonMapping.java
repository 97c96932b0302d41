package org.countygrid.platform.web.internal.rest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.jaxrs.cfg.JaxRSFeature;
import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;

/**
 * How /api reads and writes JSON: java.time as ISO-8601 strings, and strict reading, so that a misspelt field,
 * a null for a number, a fraction for a whole number (15.99 fen would be read as 15) or trailing garbage is a 400
 * naming the field instead of a silently ignored or altered value.
 */
public final class JsonMapping {

    private JsonMapping() {
    }

    public static ObjectMapper objectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }

    public static JacksonJsonProvider provider(ObjectMapper mapper) {
        JacksonJsonProvider provider = new JacksonJsonProvider(mapper);
        // an empty body becomes a 400 (NoContentException) rather than a null argument
        provider.disable(JaxRSFeature.ALLOW_EMPTY_INPUT);
        return provider;
    }
}
