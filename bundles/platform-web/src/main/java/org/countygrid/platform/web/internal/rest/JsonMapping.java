package org.countygrid.platform.web.internal.rest;

import java.io.IOException;
import java.time.temporal.Temporal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.jaxrs.cfg.JaxRSFeature;
import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;

/**
 * How /api reads and writes JSON: java.time as ISO-8601 strings, and strict reading, so that a misspelt field,
 * a null for a number, a fraction for a whole number (15.99 fen would be read as 15) or trailing garbage is a 400
 * naming the field instead of a silently ignored or altered value. No scalar is converted into another kind either:
 * a number or true/false where text is read ({@code "phone": 13812345678}, which loses a landline's leading 0 in
 * the client already; {@code "name": true}), or text where a number or true/false is read ({@code "floors": "3"}),
 * is a 400 "expected …" for the field — a client that sends the wrong kind has a bug that a silent conversion hides.
 * Dates and times are ISO-8601 text only: Jackson would read a number as seconds (or days) since 1970, so a channel
 * sending milliseconds would store readings of the year 56,000 and a date of {@code 20240531} becomes year 57,000.
 */
public final class JsonMapping {

    private JsonMapping() {
    }

    public static ObjectMapper objectMapper() {
        ObjectMapper mapper = new ObjectMapper();
        // {"code":"Q1","code":"Q2"} is refused, not read as Q2: a proxy or a log that reads the first would see
        // another request than the one served (probe)
        mapper.getFactory().enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        for (LogicalType scalar : new LogicalType[] { LogicalType.Integer, LogicalType.Float, LogicalType.Boolean }) {
            mapper.coercionConfigFor(scalar).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        return mapper
                .registerModule(new JavaTimeModule())
                .registerModule(new SimpleModule("countygrid-time-as-text").setDeserializerModifier(new TimeAsTextOnly()))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }

    /** Wraps the deserializers of java.time's types so that a number is refused like any other value of the wrong kind. */
    private static final class TimeAsTextOnly extends BeanDeserializerModifier {
        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                JsonDeserializer<?> deserializer) {
            return Temporal.class.isAssignableFrom(description.getBeanClass()) ? new TextOnly(deserializer) : deserializer;
        }
    }

    private static final class TextOnly extends DelegatingDeserializer {
        TextOnly(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new TextOnly(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != null && parser.currentToken().isNumeric()) {
                return context.handleUnexpectedToken(handledType(), parser);
            }
            // Jackson reads a text of digits ("1795795200") as seconds since 1970 too
            if (parser.currentToken() == JsonToken.VALUE_STRING && parser.getText().strip().matches("[+-]?\\d+(\\.\\d*)?")) {
                return context.handleWeirdStringValue(handledType(), parser.getText(), "not ISO-8601 text");
            }
            return super.deserialize(parser, context);
        }
    }

    public static JacksonJsonProvider provider(ObjectMapper mapper) {
        JacksonJsonProvider provider = new JacksonJsonProvider(mapper);
        // an empty body becomes a 400 (NoContentException) rather than a null argument
        provider.disable(JaxRSFeature.ALLOW_EMPTY_INPUT);
        return provider;
    }
}
