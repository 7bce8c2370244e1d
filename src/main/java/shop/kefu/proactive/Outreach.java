package shop.kefu.proactive;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import shop.kefu.conversation.ChatEvent;
import shop.kefu.conversation.Conversation;
import shop.kefu.conversation.Conversations;
import shop.kefu.conversation.EventLog;
import shop.kefu.conversation.ServerEvent;

/**
 * The one way a proactive message reaches a shopper: into their open conversation (opened if they have
 * none), through the conversation's event log, so a connected client gets it pushed after the commit
 * and a disconnected one on resume, exactly like a reply. The shopper's opt-out and the daily cap are
 * checked here, so no kind of proactive message can skip them.
 */
@ApplicationScoped
public class Outreach {

    /** What became of a proactive message. */
    public enum Outcome {
        SENT, OPTED_OUT, CAPPED;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The kinds of proactive message (the tag of kefu_proactive_messages_total). */
    public enum Kind {
        DELAY, EXCEPTION, DELIVERED, CASE_UPDATE, FOLLOW_UP;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public record Result(Outcome outcome, String conversationId, Long seq) {
    }

    @Inject
    Conversations conversations;
    @Inject
    EventLog log;
    @Inject
    Preferences preferences;
    @Inject
    ProactiveConfig config;

    /**
     * Sends the message unless the shopper opted out or reached today's cap. The caller's transaction
     * also records what it was about, so the message and its record commit together or not at all.
     *
     * @param offer what the message's quick replies act on, or null
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Result send(String customerId, Kind kind, ServerEvent.Reply reply, Offer offer) {
        if (preferences.optedOut(customerId)) {
            return new Result(Outcome.OPTED_OUT, null, null);
        }
        OffsetDateTime now = OffsetDateTime.now();
        // Taken under the lock of the shopper's conversation, so two events at once cannot both pass the cap.
        Conversation c = conversations.activeFor(customerId);
        if (sentToday(customerId, now) >= config.dailyCap()) {
            return new Result(Outcome.CAPPED, null, null);
        }
        ChatEvent event = log.append(c, reply, "bot", reply.text());
        ProactiveMessage m = new ProactiveMessage();
        m.customerId = customerId;
        m.kind = kind.wire();
        m.conversationId = c.id;
        m.seq = event.seq;
        m.sentAt = now;
        m.persist();
        if (offer != null) {
            Offer.deleteById(c.id);
            Offer.flush();
            offer.conversationId = c.id;
            offer.customerId = customerId;
            offer.createdAt = now;
            offer.persist();
        }
        return new Result(Outcome.SENT, c.id, event.seq);
    }

    private long sentToday(String customerId, OffsetDateTime now) {
        ZoneId zone = ZoneId.of(config.zone());
        OffsetDateTime dayStart = now.atZoneSameInstant(zone).toLocalDate().atStartOfDay(zone).toOffsetDateTime();
        return ProactiveMessage.count("customerId = ?1 and sentAt >= ?2", customerId, dayStart);
    }

    /** Whether a proactive message went into the conversation within the window before now. */
    @Transactional
    public boolean recentlySent(String conversationId, java.time.Duration window) {
        return ProactiveMessage.count("conversationId = ?1 and sentAt >= ?2", conversationId, OffsetDateTime.now().minus(window)) > 0;
    }
}
