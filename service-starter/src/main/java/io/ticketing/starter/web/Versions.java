package io.ticketing.starter.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import io.ticketing.starter.RequestRejectedException;

/**
 * Optimistic concurrency over HTTP (RFC 9110): a versioned resource is answered with its version as a strong
 * {@code ETag}, and a write that replaces it names the version it was based on in {@code If-Match}. A write based on
 * an older version is refused with {@code 412}, one that names none with {@code 428}: two admins editing one show
 * cannot silently overwrite each other.
 */
public final class Versions {

    private static final Pattern STRONG_TAG = Pattern.compile("\\s*\"(\\d{1,18})\"\\s*");

    private Versions() {
    }

    /** The {@code ETag} of a resource at this version. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** A resource stored in versions. */
    public interface Versioned {

        /** The version stored last. */
        Long version();
    }

    /** An answer with a stored resource, which names its version as the {@code ETag}. */
    public static <T extends Versioned> ResponseEntity<T> versioned(HttpStatus status, T body) {
        return ResponseEntity.status(status).eTag(etag(body.version())).body(body);
    }

    /**
     * Checks that the {@code If-Match} a write carries names the resource's current version. {@code *} matches any
     * version of a resource that exists, as the RFC has it; a weak tag or a list never matches: a write needs the one
     * version it was based on.
     *
     * @throws RequestRejectedException {@code 428 VERSION_REQUIRED} without the header, {@code 412 STALE_VERSION} when
     *             it names another version
     */
    public static void requireMatch(String ifMatch, long current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new RequestRejectedException(RequestRejectedException.Reason.PRECONDITION_REQUIRED,
                    "VERSION_REQUIRED", "Send " + HttpHeaders.IF_MATCH + " with the ETag of the version you changed")
                    .with("currentVersion", current);
        }
        if (ifMatch.strip().equals("*")) {
            return;
        }
        Matcher tag = STRONG_TAG.matcher(ifMatch);
        if (!tag.matches() || Long.parseLong(tag.group(1)) != current) {
            throw stale().with("currentVersion", current);
        }
    }

    /**
     * Checks the {@code If-Match} of a write that may name no version, such as a deletion: without the header it goes
     * ahead, with one it must name the current version.
     */
    public static void requireMatchIfSent(String ifMatch, long current) {
        if (ifMatch != null) {
            requireMatch(ifMatch, current);
        }
    }

    /** The answer to a write based on a version that is no longer the current one. */
    public static RequestRejectedException stale() {
        return new RequestRejectedException(RequestRejectedException.Reason.PRECONDITION_FAILED, "STALE_VERSION",
                "Someone changed this since you read it; read it again and redo your change on the current version");
    }
}
