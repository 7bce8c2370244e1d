package shop.kefu.conversation;

/**
 * An event was stored: fired inside the JPA transaction that stored it (observers take it after the
 * commit), or by TurnStore right after its JDBC commit. Live views deliver it then.
 */
public record EventStored(String conversationId, String customerId, long seq, String type, String wire) {
}
