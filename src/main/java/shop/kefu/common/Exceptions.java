package shop.kefu.common;

import java.sql.SQLException;

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

    /** A failure of the database itself (unreachable, connection lost), as opposed to a bug or bad input. */
    public static boolean databaseUnavailable(Throwable e) {
        return causedBy(e, SQLException.class);
    }
}
