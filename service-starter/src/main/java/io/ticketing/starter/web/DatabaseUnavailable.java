package io.ticketing.starter.web;

import java.sql.SQLException;
import java.util.Set;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a request failed because the database was away for a moment — unreachable, out of connections, restarting,
 * or read-only during a fail-over — rather than because of the request or a bug: the client is then told to try
 * again (503), not that the service is broken (500). The transaction rolled back, so nothing was changed.
 */
public final class DatabaseUnavailable {

    /**
     * SQLSTATE classes and codes of a database that cannot serve now: 08 connection exceptions, 57P operator
     * intervention (shutdown, crash, cannot connect now), 53300 too many connections, 25006 read-only transaction.
     */
    private static final Set<String> CODES = Set.of("53300", "25006");
    private static final Set<String> CLASSES = Set.of("08", "57");

    private DatabaseUnavailable() {
    }

    public static boolean explains(Throwable failure) {
        return cause(failure) != null;
    }

    /** The exception that says the database was unavailable, or {@code null}. */
    public static Throwable cause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (CODES.contains(sql.getSQLState()) || CLASSES.contains(sql.getSQLState().substring(0, 2)))) {
                return cause;
            }
            if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessException) {
                return cause;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
