package io.ticketing.reservation;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Real PostgreSQL faults for one insert: a trigger that refuses (or delays) the first row of a table matching a
 * condition, as a database failing over or stalling would. The trigger counts with a sequence, which a rolled-back
 * transaction does not reset, so only the first matching insert is hit; retries go through. Or every matching row is
 * refused, as a row the database can never take. Dropped on close.
 */
final class DatabaseFaults implements AutoCloseable {

    private final JdbcClient jdbc;
    private final String table;
    private final String name;

    private DatabaseFaults(JdbcClient jdbc, String table, String condition, String fault, boolean once) {
        this.jdbc = jdbc;
        this.table = table;
        this.name = "fault_" + UUID.randomUUID().toString().replace("-", "");
        jdbc.sql("CREATE SEQUENCE " + name).update();
        jdbc.sql("""
                CREATE FUNCTION %1$s() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF (%2$s) THEN
                        IF nextval('%1$s') = 1 OR NOT %4$s THEN
                            %3$s;
                        END IF;
                    END IF;
                    RETURN NEW;
                END $$""".formatted(name, condition, fault, once)).update();
        jdbc.sql("CREATE TRIGGER %1$s BEFORE INSERT ON %2$s FOR EACH ROW EXECUTE FUNCTION %1$s()"
                .formatted(name, table)).update();
    }

    /** The first insert into {@code table} whose new row matches {@code condition} (SQL on {@code NEW}) fails. */
    static DatabaseFaults refuseFirstInsert(JdbcClient jdbc, String table, String condition) {
        return new DatabaseFaults(jdbc, table, condition, "RAISE EXCEPTION 'injected fault: insert refused'", true);
    }

    /** Every insert into {@code table} whose new row matches {@code condition} (SQL on {@code NEW}) fails. */
    static DatabaseFaults refuseInserts(JdbcClient jdbc, String table, String condition) {
        return new DatabaseFaults(jdbc, table, condition, "RAISE EXCEPTION 'injected fault: insert refused'", false);
    }

    /** The first insert into {@code table} whose new row matches {@code condition} takes {@code seconds} longer. */
    static DatabaseFaults delayFirstInsert(JdbcClient jdbc, String table, String condition, int seconds) {
        return new DatabaseFaults(jdbc, table, condition, "PERFORM pg_sleep(" + seconds + ")", true);
    }

    /** Whether the fault has struck. */
    boolean struck() {
        return jdbc.sql("SELECT is_called FROM " + name).query(Boolean.class).single();
    }

    @Override
    public void close() {
        jdbc.sql("DROP TRIGGER IF EXISTS %s ON %s".formatted(name, table)).update();
        jdbc.sql("DROP FUNCTION IF EXISTS " + name + "()").update();
        jdbc.sql("DROP SEQUENCE IF EXISTS " + name).update();
    }
}
