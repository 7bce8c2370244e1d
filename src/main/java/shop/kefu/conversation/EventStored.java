package shop.kefu.conversation;

/**
 * An event was stored: fired inside the JPA transaction that stored it (observers take it after the
 * commit), or by TurnStore right after its JDBC commit. Live views deliver it then. An event stored by
 * another node ({@code elsewhere}) is fired by {@link EventFanOut} once it is read back from the log.
 */
public record EventStored(String conversationId, String customerId, long seq, String type, String wire, boolean elsewhere) {
}
