package shop.kefu.handoff;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import shop.kefu.conversation.ChatEvent;
import shop.kefu.conversation.Conversation;
import shop.kefu.conversation.ConversationState;
import shop.kefu.conversation.EventLog;
import shop.kefu.conversation.ServerEvent;
import shop.kefu.dialog.HandoffReason;
import shop.kefu.dialog.Replies;

/**
 * Puts conversations in the human queue and tells the shopper where they stand: queue position, an
 * honest wait estimate, and, when nobody is online, that a ticket is kept and when to expect a reply.
 */
@ApplicationScoped
public class HandoffService {

    /** Problems with fresh goods spoil while they wait: they go first, after upset shoppers. */
    private static final Pattern FRESH_PROBLEM = Pattern.compile("烂|变质|发霉|臭|化了|死了|不动了|坏了|漏液");

    @Inject
    EventLog log;
    @Inject
    AgentPresence presence;
    @Inject
    HandoffConfig config;
    @Inject
    Replies replies;
    @Inject
    HandoffMetrics metrics;

    /** Hands a locked, bot-held conversation to the queue and appends the {@code handoff} event. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void handOff(Conversation conversation, HandoffReason reason) {
        if (conversation.handOff(reason.wire(), urgency(conversation, reason), OffsetDateTime.now())) {
            announce(conversation, reason.wire());
            metrics.handedOff(reason);
        }
    }

    /** Appends the handoff event for a conversation (newly) waiting in the queue. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announce(Conversation conversation, String reason) {
        long position = queuePosition(conversation);
        int agents = presence.online();
        long waitMinutes = (long) Math.ceil(position * config.averageHandling().toMinutes() / (double) Math.max(1, agents));
        log.append(conversation, new ServerEvent.Handoff(reason, position, agents, agents == 0 ? null : waitMinutes), "system",
                "转人工：" + reason);
        if (agents == 0) {
            String text = replies.text("handoff.nobody.online", Map.of("hours", config.solution().toHours(),
                    "urgentHours", config.solution().toHours() / 2));
            log.systemReply(conversation, text);
        }
    }

    /**
     * 1-based place in the queue, in the agents' queue order: more urgent first, then earlier handoff, then
     * id. Counts the others ahead, so a shopper waiting alone is first even when the handoff time in memory
     * is finer than the one stored (the database keeps microseconds).
     */
    public static long queuePosition(Conversation c) {
        return 1 + Conversation.count(
                "state = ?1 and id <> ?4 and (urgency > ?2 or (urgency = ?2 and (handoffAt < ?3 or (handoffAt = ?3 and id < ?4))))",
                ConversationState.WAITING_FOR_AGENT, c.urgency, c.handoffAt, c.id);
    }

    private static int urgency(Conversation c, HandoffReason reason) {
        int u = reason == HandoffReason.NEGATIVE_SENTIMENT || reason == HandoffReason.BAD_RATING ? 2 : 0;
        List<ChatEvent> recent = ChatEvent.find("conversationId = ?1 and sender = 'shopper' order by seq desc", c.id).page(0, 10).list();
        if (recent.stream().anyMatch(e -> e.text != null && FRESH_PROBLEM.matcher(e.text).find())) {
            u += 1;
        }
        return u;
    }
}
