package shop.kefu.proactive;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import shop.kefu.aftersales.AfterSalesOrder;
import shop.kefu.aftersales.AfterSalesStatus;
import shop.kefu.conversation.Conversation;
import shop.kefu.conversation.ConversationClosed;
import shop.kefu.conversation.ServerEvent;
import shop.kefu.dialog.Replies;

/**
 * The follow-up visit (回访): a configurable time after a case closes or an agent resolves a
 * conversation, the shopper is asked once for a 1-5 rating and a comment, never during quiet hours.
 * A follow-up row per subject (unique) is what makes it once, across nodes and restarts.
 */
@ApplicationScoped
public class FollowUps {

    private static final Logger LOG = Logger.getLogger(FollowUps.class);
    private static final int BATCH = 100;

    /** Case statuses after which nothing more happens for the shopper: the case is done. */
    static final Set<AfterSalesStatus> CLOSING = Set.of(AfterSalesStatus.REFUNDED, AfterSalesStatus.REPLACEMENT_SHIPPED,
            AfterSalesStatus.CLOSED);

    @Inject
    ProactiveConfig config;
    @Inject
    Outreach outreach;
    @Inject
    Replies replies;
    @Inject
    ProactiveMetrics metrics;

    private QuietHours quiet;

    @PostConstruct
    void init() {
        quiet = QuietHours.parse(config.quietHours(), config.zone());
    }

    /** Schedules the follow-up of a subject unless it has one already (a subject is followed up once). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void schedule(String subject, String customerId, OffsetDateTime due) {
        if (FollowUp.count("subject", subject) > 0) {
            return;
        }
        FollowUp f = new FollowUp();
        f.subject = subject;
        f.customerId = customerId;
        f.dueAt = due;
        f.status = FollowUp.PENDING;
        f.createdAt = OffsetDateTime.now();
        f.persist();
    }

    /**
     * An agent resolved a conversation: its follow-up is scheduled in the same transaction. A
     * conversation the bot held when it closed for being full (no person involved) is not followed up.
     */
    void resolved(@Observes ConversationClosed closed) {
        Conversation c = Conversation.findById(closed.conversationId());
        if (c != null && c.agentId != null && c.resolvedAt != null) {
            schedule("conversation:" + c.id, c.customerId, c.resolvedAt.plus(config.followUpDelay()));
        }
    }

    @Scheduled(every = "${kefu.proactive.follow-up-check-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        sweep(OffsetDateTime.now());
    }

    /**
     * Sends the follow-ups due at {@code now}, unless it is within quiet hours: then they wait for the
     * next sweep after the quiet hours. Returns how many were sent.
     */
    public int sweep(OffsetDateTime now) {
        if (quiet.contains(now)) {
            return 0;
        }
        List<Long> due = QuarkusTransaction.requiringNew().call(() -> FollowUp.<FollowUp> find(
                "status = ?1 and dueAt <= ?2 order by dueAt", FollowUp.PENDING, now).page(0, BATCH).list()
                .stream().map(f -> f.id).toList());
        int sent = 0;
        for (Long id : due) {
            try {
                if (send(id)) {
                    sent++;
                }
            } catch (RuntimeException e) {
                LOG.warnf(e, "Follow-up %d not sent; it is tried again on the next sweep", id);
            }
        }
        return sent;
    }

    private boolean send(Long id) {
        Outreach.Result result = QuarkusTransaction.requiringNew().call(() -> {
            FollowUp f = FollowUp.findById(id, LockModeType.PESSIMISTIC_WRITE);
            if (f == null || !FollowUp.PENDING.equals(f.status)) {
                return null; // another node sent it meanwhile
            }
            String text = text(f);
            if (text == null) {
                f.status = FollowUp.SKIPPED; // rated already, or its subject is gone
                return null;
            }
            Outreach.Result r = outreach.send(f.customerId, Outreach.Kind.FOLLOW_UP,
                    ServerEvent.Reply.of("bot", text, 1.0, replies.list("proactive.followup.quick")),
                    Offer.of(Offer.FOLLOW_UP, null, null, null, String.valueOf(f.id)));
            switch (r.outcome()) {
                case SENT -> {
                    f.status = FollowUp.SENT;
                    f.sentAt = OffsetDateTime.now();
                    f.conversationId = r.conversationId();
                }
                case OPTED_OUT -> f.status = FollowUp.SKIPPED;
                case CAPPED -> {
                    // stays pending: asked on a later day, when the shopper has room under the cap
                }
            }
            return r;
        });
        if (result != null && result.outcome() != Outreach.Outcome.CAPPED) {
            metrics.outcome(Outreach.Kind.FOLLOW_UP, result.outcome());
        }
        return result != null && result.outcome() == Outreach.Outcome.SENT;
    }

    /** The question for the subject, or null when there is nothing to ask any more. */
    private String text(FollowUp f) {
        if (f.subjectCase() != null) {
            AfterSalesOrder a = AfterSalesOrder.findById(f.subjectCase());
            return a == null ? null : replies.text("proactive.followup.case", Map.of("id", a.id, "item", a.itemName));
        }
        Conversation c = Conversation.findById(f.subjectConversation());
        return c == null || c.rating != null ? null : replies.text("proactive.followup.conversation");
    }
}
