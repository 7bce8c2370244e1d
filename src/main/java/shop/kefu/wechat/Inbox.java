package shop.kefu.wechat;

import java.time.OffsetDateTime;
import java.util.List;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import shop.kefu.common.Exceptions;

/**
 * Pushes between "success" and the conversation. WeChat wants an answer within 5 seconds and retries
 * three times without one, while a turn of the bot (or fetching an image) may take longer: so a push is
 * stored, answered, and handled on a worker. The stored row is also the de-duplication (its key is
 * MsgId, or FromUserName + CreateTime) and survives a restart: the sweep handles what was stored but
 * not handled, and sends replies still owed, on every node.
 */
@ApplicationScoped
class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);
    private static final int SWEEP_BATCH = 50;

    @Inject
    WechatConfig config;
    @Inject
    WechatTurns turns;
    @Inject
    Deliveries deliveries;
    @Inject
    ObjectMapper json;

    /** Stores a push unless it was seen before; true when it is new (and is then handled shortly). */
    boolean receive(PushMessage m) {
        String key = m.dedupeKey();
        boolean stored;
        try {
            stored = QuarkusTransaction.requiringNew().call(() -> {
                if (InboxEntry.findById(key) != null) {
                    return false;
                }
                InboxEntry e = new InboxEntry();
                e.dedupeKey = key;
                e.openid = m.fromUser();
                e.message = json.valueToTree(m).toString();
                e.receivedAt = OffsetDateTime.now();
                e.persistAndFlush();
                return true;
            });
        } catch (RuntimeException e) {
            // a retry racing the first delivery on another node: the primary key let only one in
            if (QuarkusTransaction.requiringNew().call(() -> InboxEntry.findById(key) != null)) {
                return false;
            }
            throw e;
        }
        if (stored) {
            Infrastructure.getDefaultWorkerPool().execute(() -> process(key));
        }
        return stored;
    }

    /** Handles a stored push once; a failure leaves it for the sweep. */
    void process(String key) {
        InboxEntry entry = QuarkusTransaction.requiringNew().call(() -> {
            InboxEntry e = InboxEntry.findById(key);
            if (e == null || e.processedAt != null) {
                return null;
            }
            e.attempts++;
            return e;
        });
        if (entry == null) {
            return;
        }
        try {
            turns.handle(message(entry), entry.attempts);
            QuarkusTransaction.requiringNew().run(() -> {
                InboxEntry e = InboxEntry.findById(key);
                e.processedAt = OffsetDateTime.now();
            });
        } catch (RuntimeException e) {
            if (entry.attempts < config.maxAttempts() || Exceptions.databaseUnavailable(e)) {
                LOG.warnf("WeChat push %s not handled yet (attempt %d): %s", key, entry.attempts, e.toString());
                return;
            }
            // a push that fails every time (a bug, not an outage) must not be retried forever
            LOG.errorf(e, "WeChat push %s from %s given up after %d attempts: %s", key, entry.openid, entry.attempts, entry.message);
            QuarkusTransaction.requiringNew().run(() -> InboxEntry.<InboxEntry> findById(key).processedAt = OffsetDateTime.now());
        }
    }

    private PushMessage message(InboxEntry entry) {
        try {
            return json.readValue(entry.message, PushMessage.class);
        } catch (Exception e) {
            throw new IllegalStateException("unreadable inbox row", e);
        }
    }

    @Scheduled(every = "${kefu.wechat.sweep-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        if (!config.enabled()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now();
        List<String> pending = QuarkusTransaction.requiringNew().call(() -> InboxEntry.<InboxEntry> find(
                "processedAt is null and receivedAt < ?1 order by receivedAt", now.minus(config.retryAfter()))
                .range(0, SWEEP_BATCH - 1).list().stream().map(e -> e.dedupeKey).toList());
        pending.forEach(this::process);
        List<String> owed = QuarkusTransaction.requiringNew().call(() -> WechatConversation.getEntityManager().createQuery(
                "select w.conversationId from WechatConversation w, shop.kefu.conversation.Conversation c, WechatUser u "
                        + "where c.id = w.conversationId and u.openid = w.openid and c.lastSeq > w.deliveredSeq and u.heldReason is null", String.class)
                .setMaxResults(SWEEP_BATCH).getResultList());
        owed.forEach(deliveries::deliverQuietly);
        QuarkusTransaction.requiringNew().run(() -> InboxEntry.delete("processedAt < ?1", now.minus(config.keepSeen())));
    }
}
