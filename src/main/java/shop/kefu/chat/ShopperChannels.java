package shop.kefu.chat;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import shop.kefu.cluster.ClusterMessage;
import shop.kefu.common.TokenBucket;
import shop.kefu.conversation.EventLog;
import shop.kefu.conversation.EventStored;

/**
 * The open shopper connections, by connection and by conversation; pushes committed events to them,
 * those stored on this node and those another node stored ({@code EventFanOut}).
 */
@ApplicationScoped
public class ShopperChannels {

    @Inject
    EventLog log;
    @Inject
    ChatConfig config;

    /** The channel whose frame the current thread is handling: its own message comes back as an ack instead. */
    private static final ThreadLocal<ShopperChannel> ORIGIN = new ThreadLocal<>();

    private final Map<String, ShopperChannel> byConnection = new ConcurrentHashMap<>();
    private final Map<String, Set<ShopperChannel>> byConversation = new ConcurrentHashMap<>();
    private final Map<String, Integer> perCustomer = new ConcurrentHashMap<>();

    /**
     * A channel for a new connection, or empty when the shopper already has the most connections allowed:
     * the frame rate is limited per connection, so the number of connections bounds what one shopper can send.
     */
    Optional<ShopperChannel> open(WebSocketConnection connection, String customerId) {
        int max = config.maxConnections();
        boolean[] admitted = { false };
        perCustomer.compute(customerId, (k, n) -> {
            int open = n == null ? 0 : n;
            admitted[0] = open < max;
            return admitted[0] ? open + 1 : n;
        });
        if (!admitted[0]) {
            return Optional.empty();
        }
        ShopperChannel channel = new ShopperChannel(connection, customerId,
                new TokenBucket(config.rateBurst(), config.ratePerSecond()), log, Infrastructure.getDefaultWorkerPool(),
                config.resumeMaxEvents());
        byConnection.put(connection.id(), channel);
        return Optional.of(channel);
    }

    /** Connections admitted on this node (refused ones never count). */
    int openConnections() {
        return byConnection.size();
    }

    ShopperChannel get(WebSocketConnection connection) {
        return byConnection.get(connection.id());
    }

    void attach(ShopperChannel channel, String conversationId, long seenSeq) {
        String previous = channel.conversationId();
        if (previous != null && !previous.equals(conversationId)) {
            unregister(previous, channel);
        }
        channel.attach(conversationId, seenSeq);
        byConversation.computeIfAbsent(conversationId, k -> ConcurrentHashMap.newKeySet()).add(channel);
    }

    void close(WebSocketConnection connection) {
        ShopperChannel channel = byConnection.remove(connection.id());
        if (channel == null) {
            return; // refused at open: never counted
        }
        perCustomer.computeIfPresent(channel.customerId, (k, n) -> n <= 1 ? null : n - 1);
        if (channel.conversationId() != null) {
            unregister(channel.conversationId(), channel);
        }
    }

    void onStored(@Observes(during = TransactionPhase.AFTER_SUCCESS) EventStored event) {
        Set<ShopperChannel> channels = byConversation.get(event.conversationId());
        if (channels != null) {
            ShopperChannel origin = ORIGIN.get();
            for (ShopperChannel c : channels) {
                if (c != origin || !"message".equals(event.type())) {
                    c.deliver(event.conversationId(), event.seq(), event.wire());
                }
            }
        }
    }

    /**
     * After a gap in the link between nodes, every view catches up from the log: first, before the
     * reloads that take seconds (observers of one message run one after another).
     */
    void onResync(@Observes @Priority(Interceptor.Priority.APPLICATION) ClusterMessage m) {
        if (ClusterMessage.RESYNC.equals(m.topic())) {
            byConnection.values().forEach(ShopperChannel::refresh);
        }
    }

    /** Runs the handling of one frame from this channel. */
    <T> T fromOrigin(ShopperChannel channel, java.util.function.Supplier<T> work) {
        ORIGIN.set(channel);
        try {
            return work.get();
        } finally {
            ORIGIN.remove();
        }
    }

    private void unregister(String conversationId, ShopperChannel channel) {
        byConversation.computeIfPresent(conversationId, (k, set) -> {
            set.remove(channel);
            return set.isEmpty() ? null : set;
        });
    }
}
