package shop.kefu.conversation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import shop.kefu.common.GroupCommit;
import shop.kefu.knowledge.KnowledgeConfig;

/**
 * The two writes of every bot turn: storing a shopper message once per client id, and storing a bot
 * reply that hands nothing off. Both run in plain JDBC, with the rules of {@link LogEntry} (the
 * conversation row locked, seq = last_seq + 1) and the client id remembered, at about half the cost of
 * the JPA path (docs/benchmarks.md). Only a message that must first open a conversation takes the JPA
 * path ({@link Conversations#activeFor} writes the greeting); handoffs, agents and ratings stay there too.
 *
 * <p>The JDBC writes run outside any JTA transaction, in their own local transaction; the stored event
 * is announced after the commit, so live views see it exactly as they see events of the JPA path.
 */
@ApplicationScoped
public class TurnStore {

    @Inject
    DataSource dataSource;
    @Inject
    Event<EventStored> stored;
    @Inject
    GroupCommit commits;
    @Inject
    ServerEvents events;
    @Inject
    Conversations conversations;
    @Inject
    EventLog log;
    @Inject
    KnowledgeConfig knowledge;

    /**
     * Stores a shopper message in the shopper's open conversation, opening one (with its greeting) if
     * there is none; a resent client id gets the original seq back, marked duplicate.
     */
    public Accepted storeMessage(String customerId, ServerEvent.Message message) {
        return Conversations.retryOnConflict(() -> storeInOpen(customerId, message)
                .orElseGet(() -> QuarkusTransaction.requiringNew().call(() -> {
                    ClientMessage seen = ClientMessage.lookup(customerId, message.id());
                    if (seen != null) { // a twin won the race to open; its conversation was closed before
                        return Accepted.answeredDuplicate(message.id(), seen.conversationId, seen.seq);
                    }
                    Conversation c = conversations.activeFor(customerId);
                    ChatEvent event = log.append(c, message, "shopper", message.text());
                    ClientMessage record = new ClientMessage();
                    record.customerId = customerId;
                    record.clientId = message.id();
                    record.conversationId = c.id;
                    record.seq = event.seq;
                    record.answered = c.state != ConversationState.BOT;
                    record.persist();
                    return Accepted.stored(message.id(), c.id, event.seq, c.state, c.dialogState, message);
                })));
    }

    /** The JDBC path of {@link #storeMessage}; empty if the shopper has no open conversation. */
    private Optional<Accepted> storeInOpen(String customerId, ServerEvent.Message message) {
        String clientId = message.id();
        return inTransaction(c -> {
            Optional<Accepted> duplicate = duplicate(c, customerId, clientId);
            if (duplicate.isPresent()) {
                return duplicate;
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
            LogEntry event = LogEntry.next(conversation.id(), customerId, conversation.lastSeq(), events.tree(message), "shopper",
                    message.text(), null);
            long seq = event.seq();
            insertEvent(c, event);
            try (PreparedStatement remember = c.prepareStatement(
                    "INSERT INTO client_message (customer_id, client_id, conversation_id, seq, answered) VALUES (?, ?, ?, ?, ?)")) {
                remember.setString(1, customerId);
                remember.setString(2, clientId);
                remember.setString(3, conversation.id());
                remember.setLong(4, seq);
                remember.setBoolean(5, conversation.state() != ConversationState.BOT); // an agent's to answer
                remember.executeUpdate();
            }
            advance(c, event, null, false);
            return new Committed<>(Optional.of(Accepted.stored(clientId, conversation.id(), seq, conversation.state(),
                    conversation.dialogState(), message)), event);
        });
    }

    /**
     * A client id stored before. Still owed an answer when its first answer was never stored and the bot
     * still holds its conversation; then the engine gets the message as first stored, whatever the resend
     * says.
     */
    private Optional<Accepted> duplicate(Connection c, String customerId, String clientId) throws SQLException {
        try (PreparedStatement seen = c.prepareStatement("""
                SELECT m.conversation_id, m.seq, m.answered, v.state, v.dialog_state, v.active_key, e.text, e.payload
                FROM client_message m
                JOIN conversation v ON v.id = m.conversation_id
                JOIN chat_event e ON e.conversation_id = m.conversation_id AND e.seq = m.seq
                WHERE m.customer_id = ? AND m.client_id = ?""")) {
            seen.setString(1, customerId);
            seen.setString(2, clientId);
            try (ResultSet r = seen.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                String conversationId = r.getString(1);
                long seq = r.getLong(2);
                ConversationState state = ConversationState.valueOf(r.getString(4));
                if (r.getBoolean(3) || state != ConversationState.BOT || r.getString(6) == null) {
                    return Optional.of(Accepted.answeredDuplicate(clientId, conversationId, seq));
                }
                return Optional.of(new Accepted(clientId, conversationId, seq, true, true, state, r.getString(5), r.getString(7),
                        events.attachments(r.getString(8))));
            }
        }
    }

    /**
     * Stores the bot's answer to a shopper message (by its client id) and the engine's new dialog state,
     * unless an agent has taken the conversation over since or another attempt already answered it.
     */
    public boolean storeReply(String conversationId, String customerId, String clientId, ServerEvent.Reply reply,
            String dialogState) {
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
            if (!claimAnswer(c, customerId, clientId)) {
                return false;
            }
            LogEntry event = LogEntry.next(conversationId, customerId, lastSeq, events.tree(reply), "bot", reply.text(),
                    TurnOutcome.ofReply(reply, knowledge.answerThreshold()));
            insertEvent(c, event);
            advance(c, event, dialogState, true);
            return new Committed<>(true, event);
        });
    }

    /** Marks a message answered; false if it already was (a resend was answered while this turn ran). */
    private static boolean claimAnswer(Connection c, String customerId, String clientId) throws SQLException {
        try (PreparedStatement claim = c.prepareStatement(
                "UPDATE client_message SET answered = TRUE WHERE customer_id = ? AND client_id = ? AND answered = FALSE")) {
            claim.setString(1, customerId);
            claim.setString(2, clientId);
            return claim.executeUpdate() == 1;
        }
    }

    private record Locked(String id, long lastSeq, ConversationState state, String dialogState) {
    }

    /** A result whose event is announced after the commit. */
    private record Committed<T>(T value, LogEntry event) {
    }

    private static void insertEvent(Connection c, LogEntry e) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO chat_event (conversation_id, seq, type, sender, text, payload, created_at, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, e.conversationId());
            insert.setLong(2, e.seq());
            insert.setString(3, e.type());
            insert.setString(4, e.sender());
            insert.setString(5, e.text());
            insert.setString(6, e.payload());
            insert.setObject(7, e.at());
            insert.setString(8, e.outcomeColumn());
            insert.executeUpdate();
        }
    }

    private static void advance(Connection c, LogEntry e, String dialogState, boolean setDialogState) throws SQLException {
        String sql = setDialogState
                ? "UPDATE conversation SET last_seq = ?, updated_at = ?, dialog_state = ? WHERE id = ?"
                : "UPDATE conversation SET last_seq = ?, updated_at = ? WHERE id = ?";
        try (PreparedStatement update = c.prepareStatement(sql)) {
            int i = 1;
            update.setLong(i++, e.seq());
            update.setObject(i++, e.at());
            if (setDialogState) {
                update.setString(i++, dialogState);
            }
            update.setString(i, e.conversationId());
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
            stored.fire(committed.event().announcement()); // no transaction here: live views are told at once
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
