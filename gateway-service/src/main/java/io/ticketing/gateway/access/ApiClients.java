package io.ticketing.gateway.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/** Recognises API keys by their hash; the keys themselves are never stored. */
@Component
public class ApiClients {

    private final Map<String, AccessProperties.ApiKey> byHash;

    ApiClients(AccessProperties properties) {
        this.byHash = properties.apiKeys().stream()
                .collect(Collectors.toUnmodifiableMap(key -> key.sha256().toLowerCase(), Function.identity()));
    }

    public Optional<AccessProperties.ApiKey> identify(String apiKey) {
        return Optional.ofNullable(byHash.get(sha256(apiKey)));
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
