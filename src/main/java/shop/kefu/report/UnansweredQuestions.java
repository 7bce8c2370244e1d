package shop.kefu.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import shop.kefu.conversation.TurnOutcome;
import shop.kefu.knowledge.KnowledgeBase;

/**
 * The questions the bot could not answer in the range, grouped by meaning, to tell editors which
 * articles to write next. A question is the shopper's message before a reply that asked which topic was
 * meant, before a handoff because nothing in the knowledge base was close enough (or the bot failed
 * twice), or before an answer in a conversation the shopper then rated badly. Only the most recent
 * kefu.report.unanswered-limit are grouped, so the report's cost does not grow with the range.
 */
@ApplicationScoped
class UnansweredQuestions {

    /** Handoffs that say the bot had no answer; asking for a human, a complaint or a policy refusal do not. */
    private static final String NO_ANSWER_HANDOFF = "(e.payload LIKE '%\"reason\":\"low_confidence\"%' "
            + "OR e.payload LIKE '%\"reason\":\"repeated_failure\"%')";

    @Inject
    Queries queries;
    @Inject
    KnowledgeBase knowledge;
    @Inject
    ReportConfig config;

    private record Unanswered(String conversationId, long seq, OffsetDateTime at) {
    }

    ServiceReport.Unanswered of(ReportRange range) {
        int limit = config.unansweredLimit();
        List<Unanswered> found = new ArrayList<>();
        found.addAll(queries.list("SELECT e.conversation_id, e.seq, e.created_at FROM chat_event e "
                + "WHERE e.created_at >= ? AND e.created_at < ? AND e.outcome = ? ORDER BY e.created_at DESC LIMIT ?", range,
                UnansweredQuestions::row, TurnOutcome.CLARIFY.wire(), limit));
        found.addAll(queries.list("SELECT e.conversation_id, e.seq, e.created_at FROM chat_event e "
                + "WHERE e.created_at >= ? AND e.created_at < ? AND e.outcome = ? AND " + NO_ANSWER_HANDOFF
                + " ORDER BY e.created_at DESC LIMIT ?", range, UnansweredQuestions::row, TurnOutcome.HANDOFF.wire(), limit));
        found.addAll(answersRatedBadly(range, limit));
        found.sort(Comparator.comparing(Unanswered::at).reversed());
        List<String> questions = questions(found.subList(0, Math.min(limit, found.size())));
        return new ServiceReport.Unanswered(questions.size(),
                QuestionGroups.of(questions, knowledge::vector, config.groupSimilarity()));
    }

    /**
     * The bot's answers in the most recent badly rated conversations of the range. Read conversation by
     * conversation, by its key: a join, or a condition on the outcome, lets the database walk every answer of
     * the history through the outcome index looking for rated ones (3.5 s a day's report over 1,000,000 events on H2).
     */
    private List<Unanswered> answersRatedBadly(ReportRange range, int limit) {
        List<String> rated = queries.list("SELECT c.id FROM conversation c WHERE c.created_at >= ? AND c.created_at < ? "
                + "AND c.rating <= ? ORDER BY c.created_at DESC LIMIT ?", range, r -> r.getString(1), config.badRating(), limit);
        List<Unanswered> out = new ArrayList<>();
        try (Connection c = queries.connection(); PreparedStatement s = c.prepareStatement(
                "SELECT conversation_id, seq, created_at, outcome FROM chat_event WHERE conversation_id = ?")) {
            for (String id : rated) {
                s.setString(1, id);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        if (TurnOutcome.ANSWER.wire().equals(r.getString(4))) {
                            out.add(row(r));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Report query failed: " + e.getMessage(), e);
        }
        return out;
    }

    private static Unanswered row(ResultSet r) throws SQLException {
        return new Unanswered(r.getString(1), r.getLong(2), r.getObject(3, OffsetDateTime.class));
    }

    /**
     * The shopper's message each event answered: the last one before it in its conversation (the bot
     * answers under the conversation's lock right after the message, so this is the one it answered
     * unless the shopper sent two at once). Newest first; a message found twice (e.g. clarified, then
     * the conversation rated badly) counts once, and messages without text (only a photo) are left out.
     */
    private List<String> questions(List<Unanswered> events) {
        Map<String, String> byMessage = new LinkedHashMap<>();
        try (Connection c = queries.connection(); PreparedStatement s = c.prepareStatement("""
                SELECT seq, text FROM chat_event WHERE conversation_id = ? AND seq < ? AND type = 'message' AND sender = 'shopper'
                ORDER BY seq DESC LIMIT 1""")) {
            for (Unanswered e : events) {
                s.setString(1, e.conversationId());
                s.setLong(2, e.seq());
                try (ResultSet r = s.executeQuery()) {
                    if (r.next() && r.getString(2) != null && !r.getString(2).isBlank()) {
                        byMessage.putIfAbsent(e.conversationId() + "#" + r.getLong(1), r.getString(2).strip());
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Report query failed: " + e.getMessage(), e);
        }
        return new ArrayList<>(byMessage.values());
    }
}
