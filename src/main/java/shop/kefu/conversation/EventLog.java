package shop.kefu.conversation;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Appends events to a conversation's log on the JPA path, and reads them back. The bot's own turns
 * take the JDBC path of {@link TurnStore}; both write through {@link LogEntry}.
 */
@ApplicationScoped
public class EventLog {

    @Inject
    ServerEvents events;
    @Inject
    Event<EventStored> stored;

    /**
     * Appends one event. The caller holds the conversation row lock (see {@link Conversations#lock}),
     * which makes seq allocation race-free.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ChatEvent append(Conversation conversation, ServerEvent.Logged event, String sender, String text) {
        LogEntry entry = LogEntry.next(conversation.id, conversation.customerId, conversation.lastSeq, events.tree(event), sender, text,
                TurnOutcome.ofEvent(event));
        ChatEvent row = new ChatEvent();
        row.conversationId = entry.conversationId();
        row.seq = entry.seq();
        row.type = entry.type();
        row.sender = entry.sender();
        row.text = entry.text();
        row.payload = entry.payload();
        row.createdAt = entry.at();
        row.outcome = entry.outcomeColumn();
        row.persist();
        conversation.lastSeq = entry.seq();
        conversation.updatedAt = entry.at();
        stored.fire(entry.announcement());
        return row;
    }

    /**
     * Appends what the service itself tells the shopper (a conversation handed back to the bot, the request
     * for a rating, nobody online): neither the bot's answer nor an agent's words. One path, so every such
     * message has the same shape (a reply from {@code system}, sender {@code system}, confidence 1) and
     * clients show them alike whichever feature sent them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ChatEvent systemReply(Conversation conversation, String text, List<String> quickReplies, List<ServerEvent.Action> actions) {
        return append(conversation, ServerEvent.Reply.of("system", text, 1.0, quickReplies).withActions(actions), "system", text);
    }

    /** {@link #systemReply(Conversation, String, List, List)} with text only. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ChatEvent systemReply(Conversation conversation, String text) {
        return systemReply(conversation, text, List.of(), List.of());
    }

    /** At most {@code max} events after {@code afterSeq}, in order: no read returns a whole long log. */
    @Transactional
    public List<ChatEvent> after(String conversationId, long afterSeq, int max) {
        return ChatEvent.<ChatEvent> find("conversationId = ?1 and seq > ?2 order by seq", conversationId, afterSeq)
                .range(0, max - 1).list();
    }

    @Transactional
    public List<ChatEvent> between(String conversationId, long afterSeq, long upToSeq) {
        return ChatEvent.list("conversationId = ?1 and seq > ?2 and seq <= ?3 order by seq", conversationId, afterSeq,
                upToSeq);
    }
}
