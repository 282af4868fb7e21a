package io.ticketing.starter.messaging;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

import io.ticketing.events.EventTypes;
import io.ticketing.events.IntegrationEvent;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an event by the type named in its {@link EventTypes#HEADER} header. A type this service does not
 * know (a newer producer) yields {@code null}, which listeners skip. A record that cannot be read — no type header,
 * no payload, a payload that is not the named event (broken JSON, a required field missing) — raises an error: it
 * can never be applied, so it goes to the service's dead letters at once rather than being retried.
 */
public class IntegrationEventDeserializer implements Deserializer<IntegrationEvent> {

    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @Override
    public IntegrationEvent deserialize(String topic, byte[] data) {
        throw new SerializationException("Events need the " + EventTypes.HEADER + " header");
    }

    @Override
    public IntegrationEvent deserialize(String topic, Headers headers, byte[] data) {
        Header typeHeader = headers.lastHeader(EventTypes.HEADER);
        if (typeHeader == null || data == null) {
            throw new SerializationException("An event needs a payload and the " + EventTypes.HEADER + " header");
        }
        var type = EventTypes.byName(new String(typeHeader.value(), java.nio.charset.StandardCharsets.UTF_8));
        return type.map(t -> json.readValue(data, t)).orElse(null);
    }
}
