package shop.kefu.handoff;

import java.util.ArrayList;
import java.util.List;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import shop.kefu.aftersales.AfterSalesOrder;
import shop.kefu.common.Exceptions;
import shop.kefu.conversation.ChatEvent;
import shop.kefu.conversation.Conversation;
import shop.kefu.policy.ClaimKind;

/**
 * The agent's summary of a conversation, built without a model: the shopper's complaint and last
 * message, what the bot had understood of an after-sales request, orders mentioned, the articles the bot answered with, unanswered turns, after-sales decisions,
 * and why it was handed off. Plain text; the console shows it escaped.
 *
 * <p>The summary is kept per conversation ({@code conversation_summary}) and each event is folded in
 * once: a summary reads only the events stored since the last one, so the queue, rebuilt whenever it
 * changes, costs the same however long its conversations have grown.
 */
@ApplicationScoped
public class Summaries {

    private static final Logger LOG = Logger.getLogger(Summaries.class);
    private static final int QUOTE = 80;
    /** Orders and answers listed at most; also bounds the stored fold. */
    private static final int MAX_LISTED = 20;
    /** Events read per query while folding. */
    private static final int FOLD_PAGE = 200;

    @Inject
    ObjectMapper json;

    /**
     * {@code wants}: the shopper's complaint (see {@link Folded#wants()}); {@code understood}: the
     * after-sales request the bot had understood when it last spoke of one (null if none), for the agent to
     * take up; {@code decisions}: the after-sales orders of the conversation and the bot's refusals.
     */
    public record Summary(String wants, String lastMessage, List<String> orders, List<String> botAnswers, int unansweredTurns,
            List<String> decisions, String handoffReason, int shopperMessages, Understood understood) {
    }

    /** What the bot's after-sales form held (the {@code aftersales} of its last reply that carried one). */
    public record Understood(String orderId, String sku, String item, String kind, String reason) {
    }

    /**
     * The part of a summary that the events decide, as far as they have been folded in. {@code problem}:
     * the latest message the bot read as a problem (one that opened an after-sales request or first said
     * what is wrong, or one that sent the conversation to a human for any reason but the shopper asking for
     * one); {@code latest}: the latest message that was not a request for a human (the message before
     * it is {@code beforeLatest}, which it falls back to when the bot hands off as asked), for conversations
     * with no such problem: "转人工" says less than what the shopper wrote before or after it.
     */
    record Folded(String problem, String latest, String beforeLatest, String lastMessage, List<String> orders, List<String> botAnswers, int unansweredTurns,
            int shopperMessages, Understood understood, List<String> refusals) {

        static final Folded EMPTY = new Folded(null, "", "", "", List.of(), List.of(), 0, 0, null, List.of());

        Folded {
            orders = orders == null ? List.of() : orders;
            botAnswers = botAnswers == null ? List.of() : botAnswers;
            refusals = refusals == null ? List.of() : refusals;
        }

        String wants() {
            return problem != null ? problem : latest.isEmpty() ? lastMessage : latest;
        }

        Folded with(ChatEvent e, JsonNode payload) {
            if ("message".equals(e.type) && e.text != null) {
                List<String> mentioned = new ArrayList<>(orders);
                OrderIds.in(e.text).forEach(id -> addCapped(mentioned, id));
                String quoted = quote(e.text);
                return new Folded(problem, quoted, latest, quoted, mentioned, botAnswers, unansweredTurns, shopperMessages + 1, understood,
                        refusals);
            }
            if ("handoff".equals(e.type) && payload != null && shopperMessages > 0) {
                return "requested".equals(payload.path("reason").asText()) // the message asked for a human: not what is wrong
                        ? new Folded(problem, beforeLatest, beforeLatest, lastMessage, orders, botAnswers, unansweredTurns, shopperMessages,
                                understood, refusals)
                        : new Folded(lastMessage, latest, beforeLatest, lastMessage, orders, botAnswers, unansweredTurns, shopperMessages,
                                understood, refusals);
            }
            if ("reply".equals(e.type) && "bot".equals(e.sender) && e.seq > 1) {
                JsonNode form = payload.path("aftersales");
                if (form.isObject()) {
                    Understood u = new Understood(text(form, "orderId"), text(form, "sku"), text(form, "item"), text(form, "kind"),
                            text(form, "reason"));
                    List<String> refused = new ArrayList<>(refusals);
                    if ("rejected".equals(payload.path("decision").path("outcome").asText())) {
                        addCapped(refused, (u.item() == null ? "" : u.item() + " ") + label(u) + " 未通过（"
                                + payload.path("decision").path("rule").asText() + "）：" + quote(payload.path("text").asText()));
                    }
                    // the message that opened the request, or that first said what is wrong, not "确认提交"
                    boolean describes = understood == null || understood.reason() == null && u.reason() != null;
                    return new Folded(describes ? lastMessage : problem, latest, beforeLatest, lastMessage, orders,
                            botAnswers, unansweredTurns, shopperMessages, u, refused);
                }
                if (payload.path("citations").size() > 0) {
                    List<String> answers = new ArrayList<>(botAnswers);
                    addCapped(answers, payload.path("citations").get(0).path("title").asText());
                    return new Folded(problem, latest, beforeLatest, lastMessage, orders, answers, unansweredTurns, shopperMessages, understood,
                            refusals);
                }
                if (payload.path("confidence").asDouble(1) < 0.75) {
                    return new Folded(problem, latest, beforeLatest, lastMessage, orders, botAnswers, unansweredTurns + 1, shopperMessages,
                            understood, refusals);
                }
            }
            return this;
        }

        private static String text(JsonNode n, String field) {
            return n.path(field).isTextual() ? n.path(field).asText() : null;
        }

        private static String label(Understood u) {
            return u.kind() == null ? "售后" : kindLabel(u.kind());
        }

        private static void addCapped(List<String> list, String item) {
            if (list.size() < MAX_LISTED && !list.contains(item)) {
                list.add(item);
            }
        }
    }

    /** The Chinese name of an after-sales kind as stored ({@code refund}), or the code itself if unknown. */
    static String kindLabel(String kind) {
        try {
            return ClaimKind.valueOf(kind.toUpperCase(java.util.Locale.ROOT)).label;
        } catch (IllegalArgumentException e) {
            return kind;
        }
    }

    /** Call inside a transaction; the fold is saved in its own. */
    public Summary of(Conversation c) {
        ConversationSummary stored = ConversationSummary.findById(c.id);
        long through = stored == null ? 0 : stored.throughSeq;
        Folded folded = stored == null ? Folded.EMPTY : read(stored.folded, Folded.class, Folded.EMPTY);
        if (folded.latest() == null) { // folded before the summary knew complaints (V19): fold again from the start
            folded = Folded.EMPTY;
            through = 0;
        }
        if (through < c.lastSeq) {
            List<ChatEvent> events;
            do {
                events = ChatEvent.<ChatEvent> find("conversationId = ?1 and seq > ?2 order by seq", c.id, through)
                        .range(0, FOLD_PAGE - 1).list();
                for (ChatEvent e : events) {
                    folded = folded.with(e, "reply".equals(e.type) || "handoff".equals(e.type)
                            ? read(e.payload, JsonNode.class, json.createObjectNode()) : null);
                    through = e.seq;
                }
            } while (events.size() == FOLD_PAGE);
            save(c.id, through, folded, stored == null);
        }
        List<String> decisions = new ArrayList<>();
        List<String> orders = new ArrayList<>(folded.orders());
        for (AfterSalesOrder a : AfterSalesOrder.<AfterSalesOrder> find("conversationId = ?1 order by createdAt", c.id)
                .range(0, MAX_LISTED - 1).list()) {
            if (!orders.contains(a.orderId)) {
                orders.add(a.orderId);
            }
            decisions.add(a.id + " " + a.itemName + " " + kindLabel(a.kind) + " ¥" + a.amount.toPlainString() + "：" + a.status.label + "（" + a.decisionReason + "）");
        }
        decisions.addAll(folded.refusals());
        return new Summary(folded.wants(), folded.lastMessage(), List.copyOf(orders), folded.botAnswers(), folded.unansweredTurns(),
                decisions, c.handoffReason, folded.shopperMessages(), folded.understood());
    }

    /**
     * Two readers folding at once fold the same events to the same result: the later save of an older
     * fold changes nothing, and a lost race to insert the first one is harmless.
     */
    private void save(String conversationId, long through, Folded folded, boolean first) {
        String text = write(folded);
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                if (first) {
                    ConversationSummary s = new ConversationSummary();
                    s.conversationId = conversationId;
                    s.throughSeq = through;
                    s.folded = text;
                    s.persist();
                } else {
                    ConversationSummary.update("throughSeq = ?1, folded = ?2 where conversationId = ?3 and throughSeq <= ?1", through, text,
                            conversationId);
                }
            });
        } catch (RuntimeException e) {
            if (!Exceptions.constraintViolation(e)) {
                throw e;
            }
            LOG.debugf("Summary of %s saved by another reader first", conversationId);
        }
    }

    private <T> T read(String text, Class<T> type, T fallback) {
        try {
            return json.readValue(text, type);
        } catch (Exception e) {
            return fallback;
        }
    }

    private String write(Folded folded) {
        try {
            return json.writeValueAsString(folded);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String quote(String s) {
        return s.length() > QUOTE ? s.substring(0, QUOTE) + "…" : s;
    }
}
