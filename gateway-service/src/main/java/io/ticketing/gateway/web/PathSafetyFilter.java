package io.ticketing.gateway.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Refuses paths that try to walk out of their route — dot segments, encoded slashes or backslashes, NUL,
 * empty segments — with a 400 problem at the door, instead of letting each service's web server answer
 * them in its own format (or not at all).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class PathSafetyFilter implements WebFilter {

    private static final List<String> FORBIDDEN = List.of("%2f", "%5c", "%00", "%2e", "\\", "//", "/./", "/../");

    private final Problems problems;

    PathSafetyFilter(Problems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String raw = exchange.getRequest().getURI().getRawPath().toLowerCase(Locale.ROOT);
        if (FORBIDDEN.stream().anyMatch(raw::contains) || raw.endsWith("/..") || raw.endsWith("/.")
                || !decodesAsUtf8(raw)) {
            return problems.write(exchange, HttpStatus.BAD_REQUEST, "INVALID_PATH", "The path is not valid");
        }
        return chain.filter(exchange);
    }

    /** Whether the percent-encoded bytes of the path form valid UTF-8 (no overlong or truncated sequences). */
    static boolean decodesAsUtf8(String rawPath) {
        var bytes = new java.io.ByteArrayOutputStream(rawPath.length());
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '%') {
                if (i + 2 >= rawPath.length()) {
                    return false;
                }
                int high = Character.digit(rawPath.charAt(i + 1), 16);
                int low = Character.digit(rawPath.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return false;
                }
                bytes.write(high * 16 + low);
                i += 2;
            }
            else {
                bytes.write(c);
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        }
        catch (CharacterCodingException ex) {
            return false;
        }
    }
}
