package shop.kefu.conversation;

/**
 * A stored shopper message, with the conversation's state and dialog state as they were when it was
 * stored; {@code duplicate} when its client id had been stored before (state and dialog state null).
 */
public record Accepted(String clientId, String conversationId, long seq, boolean duplicate, ConversationState state,
        String dialogState) {
}
