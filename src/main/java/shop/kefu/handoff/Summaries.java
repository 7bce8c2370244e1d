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

/**
 * The agent's summary of a conversation, built without a model: what the shopper said first and
 * last, orders mentioned, the articles the bot answered with, unanswered turns, after-sales decisions,
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

    public record Summary(String wants, String lastMessage, List<String> orders, List<String> botAnswers, int unansweredTurns,
            List<String> decisions, String handoffReason, int shopperMessages) {
    }

    /** The part of a summary that the events decide, as far as they have been folded in. */
    record Folded(String wants, String lastMessage, List<String> orders, List<String> botAnswers, int unansweredTurns,
            int shopperMessages) {

        static final Folded EMPTY = new Folded("", "", List.of(), List.of(), 0, 0);

        Folded with(ChatEvent e, JsonNode payload) {
            if ("message".equals(e.type) && e.text != null) {
                List<String> mentioned = new ArrayList<>(orders);
                OrderIds.in(e.text).forEach(id -> addCapped(mentioned, id));
                return new Folded(shopperMessages == 0 ? quote(e.text) : wants, quote(e.text), mentioned, botAnswers, unansweredTurns,
                        shopperMessages + 1);
            }
            if ("reply".equals(e.type) && "bot".equals(e.sender) && e.seq > 1) {
                if (payload.path("citations").size() > 0) {
                    List<String> answers = new ArrayList<>(botAnswers);
                    addCapped(answers, payload.path("citations").get(0).path("title").asText());
                    return new Folded(wants, lastMessage, orders, answers, unansweredTurns, shopperMessages);
                }
                if (payload.path("confidence").asDouble(1) < 0.75) {
                    return new Folded(wants, lastMessage, orders, botAnswers, unansweredTurns + 1, shopperMessages);
                }
            }
            return this;
        }

        private static void addCapped(List<String> list, String item) {
            if (list.size() < MAX_LISTED && !list.contains(item)) {
                list.add(item);
            }
        }
    }

    /** Call inside a transaction; the fold is saved in its own. */
    public Summary of(Conversation c) {
        ConversationSummary stored = ConversationSummary.findById(c.id);
        long through = stored == null ? 0 : stored.throughSeq;
        Folded folded = stored == null ? Folded.EMPTY : read(stored.folded, Folded.class, Folded.EMPTY);
        if (through < c.lastSeq) {
            List<ChatEvent> events;
            do {
                events = ChatEvent.<ChatEvent> find("conversationId = ?1 and seq > ?2 order by seq", c.id, through)
                        .range(0, FOLD_PAGE - 1).list();
                for (ChatEvent e : events) {
                    folded = folded.with(e, "reply".equals(e.type) ? read(e.payload, JsonNode.class, json.createObjectNode()) : null);
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
            decisions.add(a.id + " " + a.itemName + " " + a.kind + " ¥" + a.amount.toPlainString() + "：" + a.status.label + "（" + a.decisionReason + "）");
        }
        return new Summary(folded.wants(), folded.lastMessage(), List.copyOf(orders), folded.botAnswers(), folded.unansweredTurns(),
                decisions, c.handoffReason, folded.shopperMessages());
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
                    ConversationSummary.update("throughSeq = ?1, folded = ?2 where conversationId = ?3 and throughSeq < ?1", through, text,
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
