package io.ticketing.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Setup, not measured: one customer session per simulated customer, through the gateway, opened as support staff
 * and load tests do ({@code POST /api/v1/admin/sessions} with the admin key): a customer signing in reads a code from
 * their mail, which a load test cannot do thousands of times a minute.
 */
public final class Sessions {

    private static final String PATH = "/api/v1/admin/sessions";

    private Sessions() {
    }

    /**
     * A customer's session.
     *
     * @param token what the customer sends as {@code Authorization: Bearer <token>}
     * @param customerId the customer the gateway names to the services ({@code X-Customer-Id})
     * @param email the session's e-mail address ({@code X-Customer-Email})
     */
    public record Session(String token, String customerId, String email) {
    }

    /** {@code count} session tokens for {@code <emailPrefix><n>@example.com}, created 32 at a time. */
    static List<String> open(Gateway gateway, String adminKey, String emailPrefix, int count, PrintStream out)
            throws InterruptedException {
        return start(gateway, adminKey, emailPrefix, count, out).stream().map(Session::token).toList();
    }

    /** {@code count} sessions for {@code <emailPrefix><n>@example.com} (n from 0), created 32 at a time. */
    public static List<Session> start(Gateway gateway, String adminKey, String emailPrefix, int count, PrintStream out)
            throws InterruptedException {
        Session[] sessions = new Session[count];
        var next = new AtomicInteger();
        LoadRunner.together(Math.min(32, count), worker -> {
            for (int number = next.getAndIncrement(); number < sessions.length; number = next.getAndIncrement()) {
                String email = emailPrefix + number + "@example.com";
                Gateway.Response session = startOne(gateway, adminKey, email, out);
                if (session.status() != 201 && session.status() != 200) {
                    throw new IllegalStateException("POST " + PATH + " answered " + session.status() + ": "
                            + session.text());
                }
                sessions[number] = new Session(session.json().path("token").asString(),
                        session.json().path("customerId").asString(), email);
            }
        });
        return List.of(sessions);
    }

    /** A request that got no answer is tried again, twice at most. */
    private static Gateway.Response startOne(Gateway gateway, String adminKey, String email, PrintStream out)
            throws IOException, InterruptedException {
        for (int attempt = 1;; attempt++) {
            try {
                return gateway.post(PATH, adminKey, Map.of("email", email));
            }
            catch (IOException ex) {
                if (attempt == 3) {
                    throw ex;
                }
                out.println("  POST " + PATH + " got no answer (" + ex + "), trying again");
            }
        }
    }
}
