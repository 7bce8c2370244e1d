package shop.kefu.common;

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
}
