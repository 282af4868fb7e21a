package io.ticketing.starter.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Reads request bodies strictly, so that a client's mistake is a 400 instead of something silently
 * "fixed": a number is not a string and a string is not a number, a fraction is not an integer, a number
 * is not a date, and text
 * may not carry control characters, unpaired surrogates or bidirectional overrides — which PostgreSQL
 * would refuse (a 500) or which would disguise what an admin sees.
 */
public final class StrictJson implements JsonMapperBuilderCustomizer {

    @Override
    public void customize(tools.jackson.databind.json.JsonMapper.Builder builder) {
        builder.withCoercionConfig(LogicalType.Integer, config -> config
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .addModule(new SimpleModule("strict-text")
                        .addDeserializer(String.class, new PlainText())
                        .addDeserializer(LocalDate.class, new IsoText<>(LocalDate.class, LocalDate::parse))
                        .addDeserializer(Instant.class, new IsoText<>(Instant.class, Instant::parse)));
    }

    /** Dates and instants only as ISO-8601 text: a bare number is too easy to misread (days? seconds?). */
    static final class IsoText<T> extends ValueDeserializer<T> {

        private final Class<T> type;
        private final Function<String, T> parser;

        IsoText(Class<T> type, Function<String, T> parser) {
            this.type = type;
            this.parser = parser;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return type.cast(context.handleUnexpectedToken(type, parser));
            }
            String text = parser.getString();
            try {
                return this.parser.apply(text);
            }
            catch (DateTimeParseException ex) {
                throw context.weirdStringException(text, type, "expected ISO-8601");
            }
        }
    }

    /** Accepts only JSON strings, and only text a person could have typed. */
    static final class PlainText extends ValueDeserializer<String> {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            String value = parser.getString();
            String problem = problemWith(value);
            if (problem != null) {
                throw context.weirdStringException(value, String.class, problem);
            }
            return value;
        }

        static String problemWith(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                    return "control characters are not allowed";
                }
                if (c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069') {
                    return "bidirectional override characters are not allowed";
                }
                if (Character.isHighSurrogate(c)) {
                    if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                        return "unpaired surrogates are not allowed";
                    }
                    i++;
                }
                else if (Character.isLowSurrogate(c)) {
                    return "unpaired surrogates are not allowed";
                }
            }
            return null;
        }
    }
}
