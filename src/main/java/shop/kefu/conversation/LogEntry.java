package shop.kefu.conversation;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One event about to be appended to a conversation's log: the rules every writer keeps, written once.
 * The seq is the conversation's last seq plus one (the writer holds the conversation row lock, and
 * the unique (conversation, seq) constraint backs it up); the payload is stamped with its time; the
 * announcement carries the wire frame that live views send after the commit.
 */
record LogEntry(String conversationId, String customerId, long seq, String type, String sender, String text, String payload,
        OffsetDateTime at, TurnOutcome outcome) {

    /** @param outcome what the bot did with a shopper's message, on the event that says it; else null */
    static LogEntry next(String conversationId, String customerId, long lastSeq, ObjectNode payload, String sender, String text,
            TurnOutcome outcome) {
        OffsetDateTime now = OffsetDateTime.now();
        payload.put("at", now.toString());
        return new LogEntry(conversationId, customerId, lastSeq + 1, payload.get("type").asText(), sender, text, payload.toString(), now,
                outcome);
    }

    /** The stored column's value. */
    String outcomeColumn() {
        return outcome == null ? null : outcome.wire();
    }

    EventStored announcement() {
        return new EventStored(conversationId, customerId, seq, type, ChatEvent.wireOf(seq, payload), false);
    }
}
