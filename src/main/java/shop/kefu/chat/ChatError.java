package shop.kefu.chat;

/** A problem with what the client sent; becomes an {@code error} event and the connection stays open. */
public class ChatError extends RuntimeException {
    private final String code;
    private final String clientId;

    public ChatError(String code, String message) {
        this(code, message, null);
    }

    public ChatError(String code, String message, String clientId) {
        super(message, null, false, false);
        this.code = code;
        this.clientId = clientId;
    }

    public String code() {
        return code;
    }

    /** The client message id the error is about, when there is one. */
    public String clientId() {
        return clientId;
    }
}
