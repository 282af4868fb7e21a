package io.ticketing.notification.ticket;

import java.util.List;
import java.util.Set;

import io.ticketing.guard.DevelopmentDefaults;
import org.springframework.core.env.Environment;

/**
 * Outside the {@code local} profile tickets are signed with a key the deployment keeps in a Secret: a key the
 * service generates is stored in plain text in its database, where every backup and every reader of it has it.
 */
public final class TicketDefaults implements DevelopmentDefaults {

    @Override
    public List<String> inEffect(Environment environment) {
        return DevelopmentDefaults.secret(environment, "ticketing.notification.tickets.signing-key", Set.of()).stream()
                .toList();
    }
}
