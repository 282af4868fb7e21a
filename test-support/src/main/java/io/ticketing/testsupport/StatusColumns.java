package io.ticketing.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A database's status columns and the CHECK constraints that hold them to their types' values. The platform's own
 * tables are the starter's (its dead letters, checked by its tests) and Spring Modulith's (the outbox).
 */
public final class StatusColumns {

    /** A quoted value in a CHECK constraint as PostgreSQL shows it: {@code 'WAITING'::text}. */
    private static final Pattern CHECKED_VALUE = Pattern.compile("'([^']*)'::text");

    private StatusColumns() {
    }

    /** The service's own columns named {@code status} or ending in {@code _state}, as {@code table.column}. */
    public static List<String> of(JdbcClient jdbc) {
        return jdbc.sql("""
                SELECT table_name || '.' || column_name FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name NOT IN ('event_publication', 'dead_letter')
                  AND (column_name = 'status' OR column_name LIKE '%\\_state')""").query(String.class).list();
    }

    /** A status type the test cannot name, package-private in the service: by its binary name. */
    @SuppressWarnings("unchecked")
    public static Class<? extends Enum<?>> type(String binaryName) {
        try {
            return (Class<? extends Enum<?>>) Class.forName(binaryName).asSubclass(Enum.class);
        }
        catch (ClassNotFoundException ex) {
            throw new IllegalArgumentException("No status type " + binaryName, ex);
        }
    }

    /** The column ({@code table.column}) has one CHECK constraint, and it accepts exactly the type's values. */
    public static void assertAcceptsExactly(JdbcClient jdbc, String column, Class<? extends Enum<?>> type) {
        String[] tableAndColumn = column.split("\\.");
        List<String> checks = jdbc.sql("""
                SELECT pg_get_constraintdef(c.oid) FROM pg_constraint c
                JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
                WHERE c.contype = 'c' AND c.conrelid = CAST(? AS regclass) AND a.attname = ?""")
                .params(tableAndColumn[0], tableAndColumn[1]).query(String.class).list();
        assertThat(checks).as("CHECK constraints of %s", column).hasSize(1);
        List<String> accepted = CHECKED_VALUE.matcher(checks.getFirst()).results().map(value -> value.group(1))
                .toList();
        assertThat(accepted).as("values %s accepts", column)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
    }
}
