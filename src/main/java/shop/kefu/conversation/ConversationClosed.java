package shop.kefu.conversation;

/**
 * A conversation was closed: fired inside the transaction that closed it. Whatever is kept only for an
 * open conversation (the LLM mode's memory) goes after the commit.
 */
public record ConversationClosed(String conversationId) {
}
