package shop.kefu.conversation;

/** Fired inside the transaction that stored an event; delivered to live views after commit. */
public record EventStored(String conversationId, String customerId, long seq, String type, String wire) {
}
