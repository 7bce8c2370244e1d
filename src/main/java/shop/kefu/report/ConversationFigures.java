package shop.kefu.report;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Self-service and handoffs, over the conversations of the range in which the shopper wrote. */
@ApplicationScoped
class ConversationFigures {

    /** A conversation opens when a shopper connects; only those where the shopper then wrote count. */
    static final String TALKED = """
            c.created_at >= ? AND c.created_at < ? AND EXISTS (SELECT 1 FROM chat_event m
                WHERE m.conversation_id = c.id AND m.type = 'message' AND m.sender = 'shopper')""";

    @Inject
    Queries queries;

    ServiceReport.Conversations of(ReportRange range) {
        record Reason(String reason, long conversations) {
        }
        // handoff_reason stays set once a human was involved, also after an agent hands the conversation back to the bot
        List<Reason> reasons = queries.list("SELECT c.handoff_reason, COUNT(*) FROM conversation c WHERE " + TALKED
                + " GROUP BY c.handoff_reason", range, r -> new Reason(r.getString(1), r.getLong(2)));
        long total = reasons.stream().mapToLong(Reason::conversations).sum();
        long self = reasons.stream().filter(r -> r.reason() == null).mapToLong(Reason::conversations).sum();
        List<ServiceReport.HandoffReason> handoffs = reasons.stream().filter(r -> r.reason() != null)
                .sorted((a, b) -> a.conversations() != b.conversations() ? Long.compare(b.conversations(), a.conversations())
                        : a.reason().compareTo(b.reason()))
                .map(r -> new ServiceReport.HandoffReason(r.reason(), r.conversations(), Queries.rate(r.conversations(), total)))
                .toList();
        return new ServiceReport.Conversations(total, self, Queries.rate(self, total), total - self, handoffs);
    }
}
