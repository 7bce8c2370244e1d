package shop.kefu.handoff;

import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import shop.kefu.chat.Conversation;
import shop.kefu.chat.ConversationState;
import shop.kefu.chat.EventLog;
import shop.kefu.dialog.HandoffReason;

/** Puts conversations in the human queue and tells the shopper where they stand. */
@ApplicationScoped
public class HandoffService {

    @Inject
    EventLog log;

    /** Hands a locked, bot-held conversation to the queue and appends the {@code handoff} event. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void handOff(Conversation conversation, HandoffReason reason) {
        if (conversation.state != ConversationState.BOT) {
            return;
        }
        conversation.state = ConversationState.WAITING_FOR_AGENT;
        conversation.handoffReason = reason.wire();
        conversation.handoffAt = OffsetDateTime.now();
        long position = Conversation.count("state = ?1 and handoffAt <= ?2", ConversationState.WAITING_FOR_AGENT,
                conversation.handoffAt);
        var event = log.payload("handoff");
        event.put("reason", reason.wire());
        event.put("queuePosition", Math.max(1, position));
        log.append(conversation, event, "system", "转人工：" + reason.wire());
    }
}
