package shop.kefu.chat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import shop.kefu.common.GroupCommit;

/**
 * The two writes of every bot turn in plain JDBC: storing a shopper message in the open conversation,
 * and storing a bot reply that hands nothing off. They write the same rows under the same rules as
 * {@link EventLog} and {@link Conversations} (the conversation row locked, seq = last_seq + 1, the
 * client id remembered) at about half the cost of the JPA path (docs/benchmarks.md). Everything else
 * (opening a conversation, handoffs, agents, ratings) stays on the JPA path.
 *
 * <p>Runs outside any JTA transaction, in its own local transaction; the stored event is announced
 * after the commit, so live views see it exactly as they see events of the JPA path.
 */
@ApplicationScoped
class TurnStore {

    @Inject
    DataSource dataSource;
    @Inject
    Event<EventStored> stored;
    @Inject
    GroupCommit commits;

    /**
     * Stores a shopper message in the shopper's open conversation, or recognises a resent id. Empty if
     * the shopper has no open conversation (the caller opens one on the JPA path).
     */
    Optional<ChatService.Accepted> storeMessage(String customerId, String clientId, ObjectNode payload, String text) {
        return inTransaction(c -> {
            try (PreparedStatement seen = c.prepareStatement(
                    "SELECT conversation_id, seq FROM client_message WHERE customer_id = ? AND client_id = ?")) {
                seen.setString(1, customerId);
                seen.setString(2, clientId);
                try (ResultSet r = seen.executeQuery()) {
                    if (r.next()) {
                        return Optional.of(new ChatService.Accepted(clientId, r.getString(1), r.getLong(2), true, null, null));
                    }
                }
            }
            Locked conversation;
            try (PreparedStatement open = c.prepareStatement(
                    "SELECT id, last_seq, state, dialog_state FROM conversation WHERE active_key = ? FOR UPDATE")) {
                open.setString(1, customerId);
                try (ResultSet r = open.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    conversation = new Locked(r.getString(1), r.getLong(2), ConversationState.valueOf(r.getString(3)), r.getString(4));
                }
            }
            long seq = conversation.lastSeq() + 1;
            Pending event = insertEvent(c, conversation.id(), customerId, seq, payload, "shopper", text);
            try (PreparedStatement remember = c.prepareStatement(
                    "INSERT INTO client_message (customer_id, client_id, conversation_id, seq) VALUES (?, ?, ?, ?)")) {
                remember.setString(1, customerId);
                remember.setString(2, clientId);
                remember.setString(3, conversation.id());
                remember.setLong(4, seq);
                remember.executeUpdate();
            }
            advance(c, conversation.id(), seq, event.at(), null, false);
            return new Committed<>(Optional.of(new ChatService.Accepted(clientId, conversation.id(), seq, false, conversation.state(),
                    conversation.dialogState())), event);
        });
    }

    /** Stores a bot reply and the engine's new dialog state, unless an agent has taken the conversation over since. */
    boolean storeReply(String conversationId, String customerId, ObjectNode payload, String text, String dialogState) {
        return inTransaction(c -> {
            long lastSeq;
            try (PreparedStatement lock = c.prepareStatement("SELECT last_seq, state FROM conversation WHERE id = ? FOR UPDATE")) {
                lock.setString(1, conversationId);
                try (ResultSet r = lock.executeQuery()) {
                    if (!r.next() || ConversationState.valueOf(r.getString(2)) != ConversationState.BOT) {
                        return false;
                    }
                    lastSeq = r.getLong(1);
                }
            }
            Pending event = insertEvent(c, conversationId, customerId, lastSeq + 1, payload, "bot", text);
            advance(c, conversationId, lastSeq + 1, event.at(), dialogState, true);
            return new Committed<>(true, event);
        });
    }

    private record Locked(String id, long lastSeq, ConversationState state, String dialogState) {
    }

    /** An event written in the open transaction, announced once it commits. */
    private record Pending(EventStored event, OffsetDateTime at) {
    }

    /** A result whose event is announced after the commit. */
    private record Committed<T>(T value, Pending event) {
    }

    private Pending insertEvent(Connection c, String conversationId, String customerId, long seq, ObjectNode payload, String sender,
            String text) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now();
        String json = EventLog.stamp(payload, now);
        String type = payload.get("type").asText();
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO chat_event (conversation_id, seq, type, sender, text, payload, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, conversationId);
            insert.setLong(2, seq);
            insert.setString(3, type);
            insert.setString(4, sender);
            insert.setString(5, text);
            insert.setString(6, json);
            insert.setObject(7, now);
            insert.executeUpdate();
        }
        return new Pending(new EventStored(conversationId, customerId, seq, type, ChatEvent.wireOf(seq, json)), now);
    }

    private static void advance(Connection c, String conversationId, long seq, OffsetDateTime at, String dialogState,
            boolean setDialogState) throws SQLException {
        String sql = setDialogState
                ? "UPDATE conversation SET last_seq = ?, updated_at = ?, dialog_state = ? WHERE id = ?"
                : "UPDATE conversation SET last_seq = ?, updated_at = ? WHERE id = ?";
        try (PreparedStatement update = c.prepareStatement(sql)) {
            int i = 1;
            update.setLong(i++, seq);
            update.setObject(i++, at);
            if (setDialogState) {
                update.setString(i++, dialogState);
            }
            update.setString(i, conversationId);
            update.executeUpdate();
        }
    }

    @FunctionalInterface
    private interface Work {
        /** Returns a {@link Committed} to announce its event after the commit, or a plain value. */
        Object run(Connection c) throws SQLException;
    }

    @SuppressWarnings("unchecked")
    private <T> T inTransaction(Work work) {
        Object result;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                result = work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        commits.awaitDurable(); // in the file before anyone is told
        if (result instanceof Committed<?> committed) {
            stored.fire(committed.event().event()); // no transaction here: live views are told at once
            return (T) committed.value();
        }
        return (T) result;
    }

    /** A database failure on this path; {@code Exceptions.databaseUnavailable} sees the SQLException inside. */
    static final class StoreException extends RuntimeException {
        StoreException(SQLException cause) {
            super(cause);
        }
    }
}
