package shop.kefu.common;

/**
 * A request the service refuses, in the domain's terms: what kind of refusal it is and a stable error
 * code. Services throw it; only {@link ApiExceptionMappers} (REST) and the sockets decide how a client
 * hears of it, so no service knows HTTP status codes.
 */
public class Refusal extends RuntimeException {

    /** Why the request is refused. */
    public enum Kind {
        /** Nothing with that id, or nothing of this user's (the two look the same). */
        NOT_FOUND,
        /** The caller's credentials no longer hold (e.g. a token past its end), whoever they are. */
        UNAUTHENTICATED,
        /** The request itself is malformed or out of bounds. */
        INVALID,
        /** The user's role, or their part in the matter, does not allow it (e.g. approving one's own case). */
        FORBIDDEN,
        /** The request is valid but contradicts the current state (already exists, already claimed…). */
        CONFLICT,
        /** An upload larger than allowed. */
        TOO_LARGE,
        /** An upload of a type that is not accepted. */
        UNSUPPORTED_TYPE,
        /** The service has no room left to store it (a disk near full), whoever asks. */
        INSUFFICIENT_STORAGE
    }

    private final Kind kind;
    private final String code;

    public Refusal(Kind kind, String code, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
    }

    public static Refusal notFound(String message) {
        return new Refusal(Kind.NOT_FOUND, "not_found", message);
    }

    public static Refusal invalid(String code, String message) {
        return new Refusal(Kind.INVALID, code, message);
    }

    public static Refusal conflict(String code, String message) {
        return new Refusal(Kind.CONFLICT, code, message);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }
}
