package shop.kefu.chat;

import java.time.OffsetDateTime;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import shop.kefu.conversation.Accepted;
import shop.kefu.conversation.Conversation;
import shop.kefu.conversation.ConversationClosed;
import shop.kefu.conversation.Conversations;
import shop.kefu.conversation.EventLog;
import shop.kefu.dialog.Replies;
import shop.kefu.handoff.QueueChanged;

/**
 * The cap on events per conversation: without it one shopper could grow a conversation (and every
 * transcript, summary and resume of it) for as long as nobody resolves it. The shopper message that
 * fills the conversation closes it with a notice; the next message opens a new conversation.
 */
@ApplicationScoped
public class ConversationCap {

    @Inject
    ChatConfig config;
    @Inject
    Conversations conversations;
    @Inject
    EventLog log;
    @Inject
    Replies replies;
    @Inject
    Event<QueueChanged> queueChanged;
    @Inject
    Event<ConversationClosed> closedEvents;

    /** True if the accepted message filled its conversation, which is now closed and must not be answered. */
    boolean closeIfFull(Accepted accepted) {
        // room for the notice: when the bot has answered every message, the notice is at most the last allowed event
        long full = config.maxEvents() - 2L;
        if (accepted.seq() < full) {
            return false;
        }
        boolean closed = QuarkusTransaction.requiringNew().call(() -> {
            Conversation c = conversations.lock(accepted.conversationId());
            if (c == null || !c.isOpen() || c.lastSeq < full) {
                return false;
            }
            c.close(c.agentId, c.agentName, OffsetDateTime.now()); // an agent holding it stays recorded, as on resolve
            closedEvents.fire(new ConversationClosed(c.id)); // e.g. the LLM mode's memory of it goes
            log.systemReply(c, replies.text("conversation.full"));
            return true;
        });
        if (closed) {
            queueChanged.fire(new QueueChanged(accepted.conversationId())); // it may have been waiting
        }
        return closed;
    }
}
