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

    /** A failure of the database itself (unreachable, connection lost), as opposed to a bug or bad input. */
    public static boolean databaseUnavailable(Throwable e) {
        return causedBy(e, SQLException.class);
    }
}
