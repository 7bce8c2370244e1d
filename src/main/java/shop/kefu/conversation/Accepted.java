package shop.kefu.conversation;

import java.util.List;

/**
 * A stored shopper message. {@code duplicate} when its client id had been stored before. {@code owed}
 * when the bot holds the conversation and has not answered this message yet: always for a new message in
 * a bot-held conversation, and for a duplicate whose first answer was never stored (the database failed
 * mid-turn). Then {@code state}, {@code dialogState}, {@code text} and {@code attachments} are what the
 * engine needs, the text and attachments as first stored; otherwise they may be null.
 */
public record Accepted(String clientId, String conversationId, long seq, boolean duplicate, boolean owed,
        ConversationState state, String dialogState, String text, List<String> attachments) {

    static Accepted stored(String clientId, String conversationId, long seq, ConversationState state, String dialogState,
            ServerEvent.Message message) {
        return new Accepted(clientId, conversationId, seq, false, state == ConversationState.BOT, state, dialogState,
                message.text(), message.attachments());
    }

    static Accepted answeredDuplicate(String clientId, String conversationId, long seq) {
        return new Accepted(clientId, conversationId, seq, true, false, null, null, null, null);
    }
}
