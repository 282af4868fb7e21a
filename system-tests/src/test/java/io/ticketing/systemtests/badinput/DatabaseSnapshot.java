package io.ticketing.systemtests.badinput;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The contents of every table in every service database of the local stack, each as its row count and a digest of
 * all its rows: if a batch of requests changed any of them — a row added, removed or updated in any column —
 * something was written that should not have been. The job leases ({@code job_lease}) are left out: their holders
 * renew them every few seconds, requests or not.
 */
final class DatabaseSnapshot {

    private static final List<String> DATABASES = List.of("catalog", "reservation", "booking", "waiting", "payment",
            "notification");

    private DatabaseSnapshot() {
    }

    static Map<String, String> take() {
        Map<String, String> tables = new TreeMap<>();
        for (String database : DATABASES) {
            try (Connection connection = DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:15432/" + database, "postgres", "postgres")) {
                var names = connection.createStatement().executeQuery(
                        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'job_lease' "
                                + "ORDER BY tablename");
                while (names.next()) {
                    String table = names.getString(1);
                    // each row as text, in one order whatever the physical one: a changed column changes the digest
                    var contents = connection.createStatement().executeQuery("SELECT count(*) || ' rows, md5 ' "
                            + "|| coalesce(md5(string_agg(row_text, E'\\n' ORDER BY row_text)), '-') "
                            + "FROM (SELECT t::text AS row_text FROM \"" + table + "\" t) rows");
                    contents.next();
                    tables.put(database + "." + table, contents.getString(1));
                }
            }
            catch (SQLException ex) {
                throw new IllegalStateException("Cannot read the tables of " + database, ex);
            }
        }
        return tables;
    }

    /** Waits until nothing is being written any more (events of earlier tests still being consumed). */
    static Map<String, String> takeWhenQuiet() throws InterruptedException {
        Map<String, String> previous = take();
        for (int attempt = 0; attempt < 30; attempt++) {
            Thread.sleep(1000);
            Map<String, String> current = take();
            if (current.equals(previous)) {
                return current;
            }
            previous = current;
        }
        throw new IllegalStateException("The databases did not settle within 30 s");
    }
}
