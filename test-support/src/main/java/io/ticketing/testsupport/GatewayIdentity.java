package io.ticketing.testsupport;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.ticketing.identity.CallerSignatures;

/**
 * What the gateway adds to a request it passes on, for tests that call a service straight: the identity it verified
 * and its signature over it, with the local profile's internal secret (which the tests run with).
 */
public final class GatewayIdentity {

    public static final String CUSTOMER_ID = "X-Customer-Id";
    public static final String CUSTOMER_EMAIL = "X-Customer-Email";
    public static final String API_CLIENT = "X-Api-Client";
    private static final CallerSignatures SIGNATURES = new CallerSignatures(CallerSignatures.LOCAL_SECRET);

    private GatewayIdentity() {
    }

    /** The identity headers for this customer (any part may be null) and the gateway's signature over them. */
    public static Map<String, String> headers(String customerId, String email, String apiClient) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (customerId != null) {
            headers.put(CUSTOMER_ID, customerId);
        }
        if (email != null) {
            headers.put(CUSTOMER_EMAIL, email);
        }
        if (apiClient != null) {
            headers.put(API_CLIENT, apiClient);
        }
        headers.putAll(signature(customerId, email, apiClient));
        return headers;
    }

    /** Only the caller and signature headers, for a request that already carries the identity headers. */
    public static Map<String, String> signature(String customerId, String email, String apiClient) {
        var identity = new CallerSignatures.Identity("gateway-service", customerId, email, apiClient);
        return Map.of(CallerSignatures.CALLER_HEADER, identity.caller(), CallerSignatures.SIGNATURE_HEADER,
                SIGNATURES.sign(identity, Instant.now().getEpochSecond()));
    }
}
