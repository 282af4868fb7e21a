package io.ticketing.systemtests.badinput;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Row counts of every table in every service database of the local stack: if a batch of requests changed
 * any of them, something was written that should not have been.
 */
final class DatabaseSnapshot {

    private static final List<String> DATABASES = List.of("catalog", "reservation", "booking", "waiting", "payment",
            "notification");

    private DatabaseSnapshot() {
    }

    static Map<String, Long> take() {
        Map<String, Long> counts = new TreeMap<>();
        for (String database : DATABASES) {
            try (Connection connection = DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:15432/" + database, "postgres", "postgres")) {
                var tables = connection.createStatement().executeQuery(
                        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");
                while (tables.next()) {
                    String table = tables.getString(1);
                    var count = connection.createStatement().executeQuery("SELECT count(*) FROM \"" + table + "\"");
                    count.next();
                    counts.put(database + "." + table, count.getLong(1));
                }
            }
            catch (SQLException ex) {
                throw new IllegalStateException("Cannot count the rows of " + database, ex);
            }
        }
        return counts;
    }

    /** Waits until nothing is being written any more (events of earlier tests still being consumed). */
    static Map<String, Long> takeWhenQuiet() throws InterruptedException {
        Map<String, Long> previous = take();
        for (int attempt = 0; attempt < 30; attempt++) {
            Thread.sleep(1000);
            Map<String, Long> current = take();
            if (current.equals(previous)) {
                return current;
            }
            previous = current;
        }
        throw new IllegalStateException("The databases did not settle within 30 s");
    }
}
