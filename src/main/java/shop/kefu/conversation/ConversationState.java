package shop.kefu.conversation;

/** Who answers the shopper right now. */
public enum ConversationState {
    /** The bot answers. */
    BOT,
    /** Handed off; waiting in the human queue. The bot stays silent. */
    WAITING_FOR_AGENT,
    /** An agent holds the conversation. The bot stays silent. */
    WITH_AGENT,
    /** Resolved; the next shopper message opens a new conversation. */
    CLOSED
}
