package shop.kefu.chat;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Appends events to a conversation's log with the next seq, and reads them back. */
@ApplicationScoped
public class EventLog {

    @Inject
    ObjectMapper json;
    @Inject
    Event<EventStored> stored;

    public ObjectNode payload(String type) {
        ObjectNode node = json.createObjectNode();
        node.put("type", type);
        return node;
    }

    /**
     * A {@code reply} event: from bot, agent or system, with empty citations and actions to fill in.
     */
    public ObjectNode reply(String from, String text, double confidence, List<String> quickReplies) {
        ObjectNode node = payload("reply");
        node.put("from", from);
        node.put("text", text);
        node.put("confidence", Math.round(confidence * 1000) / 1000.0);
        node.putArray("citations");
        var quick = node.putArray("quickReplies");
        quickReplies.forEach(quick::add);
        node.putArray("actions");
        return node;
    }

    /**
     * Appends one event. The caller holds the conversation row lock (see {@link Conversations#lock}),
     * which makes seq allocation race-free; the unique (conversation, seq) constraint backs it up.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ChatEvent append(Conversation conversation, ObjectNode payload, String sender, String text) {
        OffsetDateTime now = OffsetDateTime.now();
        String json = stamp(payload, now);
        ChatEvent event = new ChatEvent();
        event.conversationId = conversation.id;
        event.seq = ++conversation.lastSeq;
        event.type = payload.get("type").asText();
        event.sender = sender;
        event.text = text;
        event.payload = json;
        event.createdAt = now;
        event.persist();
        conversation.updatedAt = now;
        stored.fire(new EventStored(conversation.id, conversation.customerId, event.seq, event.type, event.wire()));
        return event;
    }

    /** Adds the time to an event's payload; returns the JSON as stored (clients get it with seq added). */
    static String stamp(ObjectNode payload, OffsetDateTime at) {
        payload.put("at", at.toString());
        return payload.toString();
    }

    @Transactional
    public List<ChatEvent> after(String conversationId, long afterSeq) {
        return ChatEvent.list("conversationId = ?1 and seq > ?2 order by seq", conversationId, afterSeq);
    }

    @Transactional
    public List<ChatEvent> between(String conversationId, long afterSeq, long upToSeq) {
        return ChatEvent.list("conversationId = ?1 and seq > ?2 and seq <= ?3 order by seq", conversationId, afterSeq,
                upToSeq);
    }
}
