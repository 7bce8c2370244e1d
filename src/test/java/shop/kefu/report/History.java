package shop.kefu.report;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A scripted history written straight into the tables, in a time range no other test uses, so a
 * report over that range has answers known in advance. Rows look like the ones the service writes.
 */
final class History {

    private final DataSource db;

    History(DataSource db) {
        this.db = db;
    }

    /** A conversation and its log; add events with {@link Conv#event}. */
    final class Conv {
        final String id = UUID.randomUUID().toString();
        final OffsetDateTime created;
        long seq;

        Conv(OffsetDateTime created) {
            this.created = created;
        }

        Conv greeting() {
            return event("reply", "bot", "您好", "{\"type\":\"reply\",\"from\":\"bot\",\"text\":\"您好\"}", null);
        }

        Conv ask(String text) {
            return event("message", "shopper", text, "{\"type\":\"message\",\"from\":\"shopper\",\"id\":\"m" + (seq + 1)
                    + "\",\"text\":\"" + text + "\",\"attachments\":[]}", null);
        }

        Conv answer() {
            return event("reply", "bot", "答案", "{\"type\":\"reply\",\"from\":\"bot\",\"text\":\"答案\",\"confidence\":0.9}", "answer");
        }

        Conv clarify() {
            return event("reply", "bot", "我不太确定", "{\"type\":\"reply\",\"from\":\"bot\",\"text\":\"我不太确定\",\"confidence\":0.3}",
                    "clarify");
        }

        /** The reply and the handoff event the JPA path stores together. */
        Conv handoff(String reason) {
            event("reply", "bot", "转人工", "{\"type\":\"reply\",\"from\":\"bot\",\"text\":\"转人工\",\"confidence\":1.0}", null);
            return event("handoff", "system", null, "{\"type\":\"handoff\",\"reason\":\"" + reason + "\",\"queuePosition\":1}", "handoff");
        }

        Conv event(String type, String sender, String text, String payload, String outcome) {
            seq++;
            run("INSERT INTO chat_event (conversation_id, seq, type, sender, text, payload, created_at, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    id, seq, type, sender, text, payload, created.plusSeconds(seq), outcome);
            run("UPDATE conversation SET last_seq = ? WHERE id = ?", seq, id);
            return this;
        }

        /**
         * Went to a human at handoffAt (reason), answered and resolved after the given minutes (null: not yet).
         * Without an agent it is still waiting: a conversation with an agent always names one (the presence
         * sweep failed on one that did not).
         */
        Conv human(String reason, Long replyMinutes, Long resolveMinutes, String agentId, String agentName, Integer rating) {
            OffsetDateTime handoffAt = created.plusMinutes(1);
            run("UPDATE conversation SET handoff_reason = ?, handoff_at = ?, first_agent_reply_at = ?, resolved_at = ?, agent_id = ?,"
                    + " agent_name = ?, rating = ?, state = ? WHERE id = ?", reason, handoffAt,
                    replyMinutes == null ? null : handoffAt.plusMinutes(replyMinutes),
                    resolveMinutes == null ? null : handoffAt.plusMinutes(resolveMinutes), agentId, agentName, rating,
                    resolveMinutes != null ? "CLOSED" : agentId != null ? "WITH_AGENT" : "WAITING_FOR_AGENT", id);
            return this;
        }

        Conv rated(int rating) {
            run("UPDATE conversation SET rating = ?, state = 'CLOSED' WHERE id = ?", rating, id);
            return this;
        }
    }

    Conv conversation(OffsetDateTime created) {
        Conv c = new Conv(created);
        run("INSERT INTO conversation (id, customer_id, state, last_seq, created_at, updated_at) VALUES (?, ?, 'BOT', 0, ?, ?)",
                c.id, "RPT-" + c.id.substring(0, 8), created, created);
        return c;
    }

    void aftersales(String orderId, String kind, String reason, String status, String amount, OffsetDateTime created) {
        String id = "ASR" + UUID.randomUUID().toString().replace("-", "");
        run("INSERT INTO aftersales (id, order_id, customer_id, sku, item_name, qty, kind, reason, amount, status, decision_rule,"
                + " decision_reason, evidence, history, created_at, updated_at) VALUES (?, ?, ?, 'S1', '商品', 1, ?, ?, ?, ?, 'r', 'r', '[]', '[]', ?, ?)",
                id, orderId, "RPT-CUST", kind, reason, new BigDecimal(amount), status, created, created);
    }

    private void run(String sql, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
