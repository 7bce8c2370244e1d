package shop.kefu.handoff;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Vertx;
import jakarta.annotation.Priority;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import shop.kefu.cluster.ClusterMessage;
import shop.kefu.common.Exceptions;
import shop.kefu.common.PageRequest;
import shop.kefu.common.Refusal;
import shop.kefu.common.StorableText;
import shop.kefu.conversation.Conversation;
import shop.kefu.conversation.ConversationState;
import shop.kefu.conversation.EventStored;
import shop.kefu.conversation.ServerEvent;
import shop.kefu.conversation.ServerEvents;
import shop.kefu.security.Roles;
import shop.kefu.security.SocketExpiry;

/**
 * The agent workspace, {@code /ws/agent}: pushes the queue whenever it changes and every event of the
 * conversations the agent holds; accepts {@code claim} and {@code message} frames. When an agent's last
 * connection drops, their conversations go back to the queue after a grace period. Events and queue
 * changes of other nodes come in as they do here ({@code EventFanOut}, {@link QueueFanOut}).
 */
@WebSocket(path = "/ws/agent")
@RolesAllowed({ Roles.AGENT, Roles.ADMIN })
public class AgentSocket {

    private static final Logger LOG = Logger.getLogger(AgentSocket.class);

    @Inject
    JsonWebToken jwt;
    @Inject
    SocketExpiry expiry;
    @Inject
    AgentService agents;
    @Inject
    AgentPresence presence;
    @Inject
    HandoffConfig config;
    @Inject
    ObjectMapper json;
    @Inject
    ServerEvents events;
    @Inject
    Vertx vertx;

    private record Open(WebSocketConnection connection, AgentService.Agent agent) {
    }

    /** The open agent connections by connection id. */
    private static final Map<String, Open> OPEN = new ConcurrentHashMap<>();
    /** A queue push is scheduled and has not started yet. */
    private static final AtomicBoolean PUSH_PENDING = new AtomicBoolean();

    /** Agent connections open on this node. */
    static int openConnections() {
        return OPEN.size();
    }

    @OnOpen
    void open(WebSocketConnection connection) {
        AgentService.Agent agent = AgentResource.agent(jwt);
        if (!expiry.watch(connection, jwt)) {
            return; // its token has ended: closing
        }
        OPEN.put(connection.id(), new Open(connection, agent));
        presence.connected(agent.id(), agent.name());
        connection.sendTextAndAwait(queueFrame());
    }

    @OnTextMessage
    void onText(String raw, WebSocketConnection connection) {
        Open open = OPEN.get(connection.id());
        if (open == null) {
            return; // a socket whose token had ended when it opened: closing
        }
        AgentService.Agent agent = open.agent();
        try {
            JsonNode f = json.readTree(raw);
            String type = f.path("type").asText("");
            String conversation = f.path("conversationId").asText(null);
            if (conversation == null) {
                throw Refusal.invalid("missing_field", "conversationId is required.");
            }
            String text = f.path("text").asText(null);
            if (!StorableText.storable(conversation) || !StorableText.storable(text)) {
                throw Refusal.invalid(StorableText.CODE, "The frame contains the character U+0000.");
            }
            switch (type) {
                case "claim" -> agents.claim(conversation, agent);
                case "message" -> agents.message(conversation, agent, text);
                default -> throw Refusal.invalid("unknown_type", "Frames are claim or message.");
            }
        } catch (Refusal e) {
            connection.sendTextAndAwait(error(e.code(), e.getMessage()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            connection.sendTextAndAwait(error("invalid_json", "The frame is not valid JSON."));
        } catch (RuntimeException e) {
            if (Exceptions.databaseUnavailable(e)) {
                LOG.warnf("Database unavailable while handling an agent frame: %s", e.toString());
                connection.sendTextAndAwait(error("unavailable", "The database is unavailable; try again shortly."));
                return;
            }
            LOG.errorf(e, "Agent frame failed");
            connection.sendTextAndAwait(error("internal_error", "The server failed; try again."));
        }
    }

    /** Transport errors (malformed or oversized frames): the connection ends; nothing to log loudly. */
    @OnError
    void onError(WebSocketConnection connection, Throwable t) {
        LOG.debugf("WebSocket error on %s: %s", connection.id(), t.getMessage());
    }

    @OnClose
    void close(WebSocketConnection connection) {
        expiry.forget(connection);
        Open open = OPEN.remove(connection.id());
        AgentService.Agent agent = open == null ? null : open.agent();
        if (agent != null && presence.disconnected(agent.id())) {
            vertx.setTimer(Math.max(1, config.disconnectGrace().toMillis()), t -> Infrastructure.getDefaultWorkerPool().execute(() -> {
                if (!presence.isOnline(agent.id())) {
                    int n = agents.requeueHeldBy(agent.id());
                    if (n > 0) {
                        LOG.infof("Agent %s stayed offline; %d conversation(s) back to the queue", agent.id(), n);
                    }
                }
            }));
        }
    }

    /** Events of held conversations go to their agent; anything that moves the queue refreshes every view. */
    void onStored(@Observes(during = TransactionPhase.AFTER_SUCCESS) EventStored e) {
        if (OPEN.isEmpty()) {
            return;
        }
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            Conversation c = QuarkusTransaction.requiringNew().call(() -> Conversation.<Conversation> findById(e.conversationId()));
            if (c == null) {
                return;
            }
            if (c.agentId != null || "agent_left".equals(e.type())) {
                String text;
                try {
                    text = events.text(new ServerEvent.AgentView(e.conversationId(), json.readTree(e.wire())));
                } catch (Exception ex) {
                    return;
                }
                OPEN.values().stream().filter(o -> o.agent().id().equals(c.agentId)).forEach(o -> send(o.connection(), text));
            }
            if (Set.of("handoff", "agent_joined", "agent_left").contains(e.type())
                    || c.state == ConversationState.WAITING_FOR_AGENT) {
                queueChanged();
            }
        });
    }

    void onQueue(@Observes QueueChanged changed) {
        if (!OPEN.isEmpty()) {
            queueChanged();
        }
    }

    /** The queue changed on another node (events stored there arrive through {@link #onStored}). */
    void onQueueElsewhere(@Observes @Priority(Interceptor.Priority.APPLICATION) ClusterMessage m) {
        if (m.is(QueueFanOut.TOPIC) && !OPEN.isEmpty()) {
            queueChanged();
        }
    }

    /**
     * Pushes the queue once the changes of a short interval have come in: every message of a waiting
     * conversation changes its summary, and a chatty shopper must not rebuild the queue for every agent
     * at the rate they type. A change during a push schedules the next one, so the last change is shown.
     */
    private void queueChanged() {
        if (PUSH_PENDING.compareAndSet(false, true)) {
            vertx.setTimer(Math.max(1, config.queuePushInterval().toMillis()), t -> {
                PUSH_PENDING.set(false); // first: a push that fails must not stop every later one
                Infrastructure.getDefaultWorkerPool().execute(this::broadcastQueue);
            });
        }
    }

    private void broadcastQueue() {
        String frame = queueFrame();
        OPEN.values().forEach(o -> send(o.connection(), frame));
    }

    /**
     * The queue, or, when it cannot be built (the database is down, a bug), an error frame saying so:
     * an agent must never take an empty list for an empty queue.
     */
    private String queueFrame() {
        try {
            // the first page: a console shows the head of the queue; the total says how long it is
            return events.text(new ServerEvent.Queue(agents.queue(PageRequest.of(null, null)).items(), agents.waiting()));
        } catch (RuntimeException e) {
            LOG.errorf(e, "The agent queue could not be built");
            return events.text(new ServerEvent.Error("queue_unavailable", "The queue cannot be loaded right now; it is retried on the next change.",
                    null));
        }
    }

    private static void send(WebSocketConnection c, String text) {
        if (c.isOpen()) {
            c.sendText(text).subscribe().with(ok -> {
            }, err -> LOG.debugf("Send to agent failed: %s", err.getMessage()));
        }
    }

    private String error(String code, String message) {
        return events.text(new ServerEvent.Error(code, message, null));
    }
}
