package io.ticketing.localstack.infra;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Creates databases on any PostgreSQL server (embedded or a container), so the local stack and the test
 * support share one idempotent implementation.
 */
public final class PostgresDatabases {

    /** Plain lower-case identifiers only: the name is spliced into DDL, which cannot take parameters. */
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String DUPLICATE_DATABASE = "42P04";

    private PostgresDatabases() {
    }

    /** The JDBC URL of a database on a server, in the form every service and test expects. */
    public static String jdbcUrl(String host, int port, String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** Creates the database unless it exists; safe to call concurrently from several threads or JVMs. */
    public static void create(String host, int port, String username, String password, String database) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("Not a plain lower-case database name: " + database);
        }
        try (Connection connection = connect(host, port, username, password, "postgres")) {
            if (exists(connection, database)) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + database);
            }
        } catch (SQLException e) {
            if (!DUPLICATE_DATABASE.equals(e.getSQLState())) {
                throw new IllegalStateException("Cannot create database " + database + " on " + host + ":" + port, e);
            }
        }
    }

    private static boolean exists(Connection connection, String database) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** Uses the driver directly: DriverManager may not see it inside the launcher's nested-jar class loader. */
    public static Connection connect(String host, int port, String username, String password, String database)
            throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", username);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "10");
        return new org.postgresql.Driver().connect(jdbcUrl(host, port, database), properties);
    }
}
