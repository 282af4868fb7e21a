package io.ticketing.benchmarks.chaos;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The stack's PostgreSQL server as an operator sees it: one database per service, which the harness reads for the
 * audit and turns read-only or closed for the faults ({@code ALTER DATABASE}, then the database's sessions are
 * ended so that every connection pool opens new ones under the new rule, as a fail-over would do).
 */
final class Databases {

    /** Database names are spliced into DDL, which takes no parameters: plain lower-case identifiers only. */
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final String host;
    private final int port;
    private final String user;
    private final String password;

    Databases(String host, int port, String user, String password) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("socketTimeout", "60");
        properties.setProperty("ApplicationName", "chaos-harness");
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database, properties);
    }

    /** Turns the database read-only for new transactions, or back, and ends its sessions so that it applies at once. */
    void readOnly(String database, boolean readOnly) throws SQLException {
        administer(database, readOnly ? "ALTER DATABASE " + name(database) + " SET default_transaction_read_only = on"
                : "ALTER DATABASE " + name(database) + " RESET default_transaction_read_only");
    }

    /** Makes the database refuse new connections, or accept them again, and ends its sessions. */
    void allowConnections(String database, boolean allow) throws SQLException {
        administer(database, "ALTER DATABASE " + name(database) + " ALLOW_CONNECTIONS " + allow);
    }

    private void administer(String database, String statement) throws SQLException {
        try (Connection connection = connect("postgres")) {
            try (Statement alter = connection.createStatement()) {
                alter.execute(statement);
            }
            try (PreparedStatement terminate = connection.prepareStatement("""
                    SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
                    WHERE datname = ? AND pid <> pg_backend_pid()""")) {
                terminate.setString(1, database);
                terminate.executeQuery().close();
            }
        }
    }

    /**
     * Databases a faulty earlier run left read-only or closed (a harness killed mid-fault): found and restored, so
     * that this run starts from a healthy platform. Returns what was restored.
     */
    List<String> restoreLeftovers(List<String> databases) throws SQLException {
        List<String> restored = new ArrayList<>();
        try (Connection connection = connect("postgres")) {
            for (String database : databases) {
                try (PreparedStatement closed = connection.prepareStatement(
                        "SELECT NOT datallowconn FROM pg_database WHERE datname = ?")) {
                    closed.setString(1, database);
                    try (ResultSet rows = closed.executeQuery()) {
                        if (rows.next() && rows.getBoolean(1)) {
                            allowConnections(database, true);
                            restored.add(database + " accepted no connections");
                        }
                    }
                }
                try (PreparedStatement readOnly = connection.prepareStatement("""
                        SELECT 1 FROM pg_db_role_setting s JOIN pg_database d ON d.oid = s.setdatabase
                        WHERE d.datname = ? AND s.setrole = 0
                          AND 'default_transaction_read_only=on' = ANY(s.setconfig)""")) {
                    readOnly.setString(1, database);
                    try (ResultSet rows = readOnly.executeQuery()) {
                        if (rows.next()) {
                            readOnly(database, false);
                            restored.add(database + " was read-only");
                        }
                    }
                }
            }
        }
        return restored;
    }

    /** Whether the database has this table (in the default schema). */
    boolean hasTable(Connection connection, String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        }
    }

    private static String name(String database) {
        if (!NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("Not a plain database name: " + database);
        }
        return database;
    }
}
