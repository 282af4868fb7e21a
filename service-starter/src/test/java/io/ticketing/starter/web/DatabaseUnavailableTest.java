package io.ticketing.starter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;

class DatabaseUnavailableTest {

    @Test
    void aReadOnlyOrUnreachableDatabaseIsUnavailable() {
        assertThat(DatabaseUnavailable.explains(new UncategorizedSQLException("update", "UPDATE booking",
                new SQLException("cannot execute UPDATE in a read-only transaction", "25006")))).isTrue();
        assertThat(DatabaseUnavailable.explains(new IllegalStateException(
                new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
        assertThat(DatabaseUnavailable.explains(new CannotGetJdbcConnectionException("no connection"))).isTrue();
    }

    @Test
    void aBugOrABrokenConstraintIsNot() {
        assertThat(DatabaseUnavailable.explains(new UncategorizedSQLException("insert", "INSERT",
                new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(DatabaseUnavailable.explains(new IllegalStateException("oops"))).isFalse();
        assertThat(DatabaseUnavailable.explains(new SQLException("no state"))).isFalse();
    }
}
