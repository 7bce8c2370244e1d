package shop.kefu.common;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/** Looks through wrapped exceptions (transactions wrap the database's). */
public final class Exceptions {

    private Exceptions() {
    }

    public static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** A unique or foreign key constraint refused a write (SQLState class 23), e.g. two writers racing. */
    public static boolean constraintViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    /**
     * H2's own codes for a lost database (its SQLStates are these numbers, not class 08): connection
     * broken, database closed, database called at shutdown.
     */
    private static final Set<String> H2_CONNECTION_LOST = Set.of("90067", "90098", "90121");

    /**
     * PostgreSQL's codes for a server going away or not taking connections, sent before the connection
     * drops (class 08 follows only on the next use): shut down by an administrator, crash shutdown,
     * starting up or shutting down, too many connections.
     */
    private static final Set<String> POSTGRESQL_UNAVAILABLE = Set.of("57P01", "57P02", "57P03", "53300");

    /**
     * The database cannot be reached: a connection failure (SQLState class 08, or H2's and PostgreSQL's
     * equivalents) or no connection from the pool. Every other SQL error is a bug to prevent (a value too
     * long for its column, a constraint the code should have checked), not an outage to tell the shopper about.
     */
    public static boolean databaseUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null
                        && (state.startsWith("08") || H2_CONNECTION_LOST.contains(state) || POSTGRESQL_UNAVAILABLE.contains(state))) {
                    return true;
                }
                if (state == null && fromPool(sql)) {
                    return true; // e.g. the pool's acquisition timeout while the database does not answer
                }
            }
        }
        return false;
    }

    /** Thrown by the connection pool itself (Agroal sets no SQLState on its own errors). */
    private static boolean fromPool(SQLException e) {
        StackTraceElement[] at = e.getStackTrace();
        return at.length > 0 && at[0].getClassName().startsWith("io.agroal.");
    }
}
