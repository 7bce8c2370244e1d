package shop.kefu.chat;

import java.util.List;
import java.util.concurrent.Executor;

import org.jboss.logging.Logger;

import io.quarkus.websockets.next.WebSocketConnection;

import shop.kefu.common.TokenBucket;
import shop.kefu.conversation.ChatEvent;
import shop.kefu.conversation.EventLog;

/**
 * One shopper connection's view of one conversation's log. Keeps the highest seq it has sent, so every
 * event reaches the client once and in order: live events that arrive out of order, or after a gap,
 * are caught up from the log instead of being sent early or lost.
 */
final class ShopperChannel {

    private static final Logger LOG = Logger.getLogger(ShopperChannel.class);

    final WebSocketConnection connection;
    final String customerId;
    final TokenBucket limiter;
    private final EventLog log;
    private final Executor background;
    private final int page;

    private String conversationId;
    private long lastSent;
    private long highestNotified;
    private boolean catchingUp;

    ShopperChannel(WebSocketConnection connection, String customerId, TokenBucket limiter, EventLog log, Executor background,
            int page) {
        this.connection = connection;
        this.page = page;
        this.limiter = limiter;
        this.customerId = customerId;
        this.log = log;
        this.background = background;
    }

    synchronized String conversationId() {
        return conversationId;
    }

    /** Points the view at a conversation; the client has seen everything up to {@code seenSeq}. */
    synchronized void attach(String conversationId, long seenSeq) {
        this.conversationId = conversationId;
        this.lastSent = seenSeq;
        this.highestNotified = seenSeq;
    }

    /**
     * Sends the stored events the client has not seen yet, in order, at most one page of them (blocking:
     * worker threads only). Returns the last seq sent if the page was full, so more may follow; else -1.
     */
    synchronized long catchUpNow() {
        List<ChatEvent> events = log.after(conversationId, lastSent, page);
        sendAll(events);
        return events.size() == page ? lastSent : -1;
    }

    /** Acknowledges a stored shopper message: earlier unseen events first, so the client never sees a gap. */
    synchronized void ack(String conversationId, long seq, String ackFrame) {
        if (conversationId.equals(this.conversationId) && seq > lastSent) {
            if (seq > lastSent + 1) {
                sendAll(log.between(conversationId, lastSent, seq - 1));
            }
            lastSent = seq;
        }
        send(ackFrame);
    }

    /** A live event, called after its transaction committed; never blocks. */
    synchronized void deliver(String conversationId, long seq, String wire) {
        if (!conversationId.equals(this.conversationId) || seq <= lastSent) {
            return;
        }
        highestNotified = Math.max(highestNotified, seq);
        if (seq == lastSent + 1 && !catchingUp) {
            send(wire);
            lastSent = seq;
        } else if (!catchingUp) {
            catchingUp = true;
            background.execute(this::catchUpInBackground);
        }
    }

    /** Events may have been stored without word reaching this node (its link to the others was down): fetch what the client has not seen. */
    synchronized void refresh() {
        if (conversationId != null && !catchingUp) {
            catchingUp = true;
            background.execute(this::catchUpInBackground);
        }
    }

    private void catchUpInBackground() {
        String conversation;
        long from;
        synchronized (this) {
            conversation = conversationId;
            from = lastSent;
        }
        List<ChatEvent> missing;
        try {
            missing = log.after(conversation, from, page); // a page at a time; the loop below fetches the next
        } catch (RuntimeException e) {
            LOG.warnf(e, "Catch-up of conversation %s failed; the client can resume", conversation);
            synchronized (this) {
                catchingUp = false;
            }
            return;
        }
        boolean again;
        synchronized (this) {
            if (conversation.equals(conversationId)) {
                sendAll(missing);
            }
            again = highestNotified > lastSent && conversation.equals(conversationId);
            catchingUp = again;
        }
        if (again) {
            background.execute(this::catchUpInBackground);
        }
    }

    private void sendAll(List<ChatEvent> events) {
        for (ChatEvent e : events) {
            if (e.seq == lastSent + 1) {
                send(e.wire());
                lastSent = e.seq;
            }
        }
    }

    void send(String frame) {
        if (connection.isOpen()) {
            connection.sendText(frame).subscribe().with(ok -> {
            }, err -> LOG.debugf("Send to %s failed: %s", connection.id(), err.getMessage()));
        }
    }
}
