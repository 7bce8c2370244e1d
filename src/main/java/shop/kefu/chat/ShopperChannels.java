package shop.kefu.chat;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import shop.kefu.conversation.EventLog;
import shop.kefu.conversation.EventStored;

/** The open shopper connections, by connection and by conversation; pushes committed events to them. */
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

    ShopperChannel open(WebSocketConnection connection, String customerId) {
        ShopperChannel channel = new ShopperChannel(connection, customerId,
                new RateLimiter(config.rateBurst(), config.ratePerSecond()), log, Infrastructure.getDefaultWorkerPool());
        byConnection.put(connection.id(), channel);
        return channel;
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
        if (channel != null && channel.conversationId() != null) {
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
