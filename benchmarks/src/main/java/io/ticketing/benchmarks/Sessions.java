package io.ticketing.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Setup, not measured: one customer session per simulated customer, through the gateway. */
final class Sessions {

    private Sessions() {
    }

    /** {@code count} session tokens for {@code <emailPrefix><n>@example.com}, created 32 at a time. */
    static List<String> open(Gateway gateway, String apiKey, String emailPrefix, int count, PrintStream out)
            throws InterruptedException {
        String[] tokens = new String[count];
        var next = new AtomicInteger();
        LoadRunner.together(Math.min(32, count), worker -> {
            for (int number = next.getAndIncrement(); number < tokens.length; number = next.getAndIncrement()) {
                Gateway.Response session = start(gateway, apiKey, emailPrefix + number + "@example.com", out);
                if (session.status() != 201 && session.status() != 200) {
                    throw new IllegalStateException("POST /api/v1/sessions answered " + session.status() + ": "
                            + session.text());
                }
                tokens[number] = session.json().path("token").asString();
            }
        });
        return List.of(tokens);
    }

    /** A request that got no answer is tried again, twice at most. */
    private static Gateway.Response start(Gateway gateway, String apiKey, String email, PrintStream out)
            throws IOException, InterruptedException {
        for (int attempt = 1;; attempt++) {
            try {
                return gateway.post("/api/v1/sessions", apiKey, Map.of("email", email));
            }
            catch (IOException ex) {
                if (attempt == 3) {
                    throw ex;
                }
                out.println("  POST /api/v1/sessions got no answer (" + ex + "), trying again");
            }
        }
    }
}
