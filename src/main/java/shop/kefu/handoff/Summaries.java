package shop.kefu.handoff;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import shop.kefu.aftersales.AfterSalesOrder;
import shop.kefu.conversation.ChatEvent;
import shop.kefu.conversation.Conversation;

/**
 * The agent's summary of a conversation, built without a model: what the shopper said first and
 * last, orders mentioned, the articles the bot answered with, unanswered turns, after-sales decisions,
 * and why it was handed off. Plain text; the console shows it escaped.
 */
@ApplicationScoped
public class Summaries {

    private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*[0-9][A-Za-z0-9_.-]*");
    private static final int QUOTE = 80;

    @Inject
    ObjectMapper json;

    public record Summary(String wants, String lastMessage, List<String> orders, List<String> botAnswers, int unansweredTurns,
            List<String> decisions, String handoffReason, int shopperMessages) {
    }

    public Summary of(Conversation c) {
        List<ChatEvent> events = ChatEvent.list("conversationId = ?1 order by seq", c.id);
        List<String> said = new ArrayList<>();
        Set<String> orders = new LinkedHashSet<>();
        Set<String> answers = new LinkedHashSet<>();
        int unanswered = 0;
        for (ChatEvent e : events) {
            if ("message".equals(e.type) && e.text != null) {
                said.add(e.text);
                Matcher m = ORDER_ID.matcher(e.text);
                while (m.find()) {
                    orders.add(m.group());
                }
            } else if ("reply".equals(e.type) && "bot".equals(e.sender) && e.seq > 1) {
                JsonNode p = read(e.payload);
                if (p.path("citations").size() > 0) {
                    answers.add(p.path("citations").get(0).path("title").asText());
                } else if (p.path("confidence").asDouble(1) < 0.75) {
                    unanswered++;
                }
            }
        }
        List<String> decisions = new ArrayList<>();
        for (AfterSalesOrder a : AfterSalesOrder.<AfterSalesOrder> list("conversationId = ?1 order by createdAt", c.id)) {
            orders.add(a.orderId);
            decisions.add(a.id + " " + a.itemName + " " + a.kind + " ¥" + a.amount.toPlainString() + "：" + a.status.label + "（" + a.decisionReason + "）");
        }
        return new Summary(said.isEmpty() ? "" : quote(said.get(0)), said.isEmpty() ? "" : quote(said.get(said.size() - 1)),
                List.copyOf(orders), List.copyOf(answers), unanswered, decisions, c.handoffReason, said.size());
    }

    private JsonNode read(String payload) {
        try {
            return json.readTree(payload);
        } catch (Exception e) {
            return json.createObjectNode();
        }
    }

    private static String quote(String s) {
        return s.length() > QUOTE ? s.substring(0, QUOTE) + "…" : s;
    }
}
