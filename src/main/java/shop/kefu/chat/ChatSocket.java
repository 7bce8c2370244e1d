package shop.kefu.chat;

import java.util.Optional;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import shop.kefu.common.Exceptions;
import shop.kefu.conversation.Accepted;
import shop.kefu.conversation.Conversation;
import shop.kefu.conversation.Conversations;
import shop.kefu.conversation.ServerEvent;
import shop.kefu.conversation.ServerEvents;
import shop.kefu.security.Roles;
import shop.kefu.security.SocketExpiry;

/**
 * Shopper chat, {@code /ws/chat}. The token is checked on the HTTP upgrade (401 without a valid one,
 * 403 for another role), and the socket is closed when it expires. One connection = one shopper; it
 * views that shopper's open conversation.
 */
@WebSocket(path = "/ws/chat")
@RolesAllowed(Roles.SHOPPER)
public class ChatSocket {

    private static final Logger LOG = Logger.getLogger(ChatSocket.class);
    /** WebSocket close code 1008: the connection breaks a rule of the service (here, too many at once). */
    private static final int POLICY_VIOLATION = 1008;

    @Inject
    SecurityIdentity identity;
    @Inject
    ShopperChannels channels;
    @Inject
    ChatService chat;
    @Inject
    ClientFrames frames;
    @Inject
    Conversations conversations;
    @Inject
    ServerEvents events;
    @Inject
    ConversationCap cap;
    @Inject
    TypedRating typedRating;
    @Inject
    SocketExpiry expiry;

    @OnOpen
    void open(WebSocketConnection connection) {
        if (identity.getPrincipal() instanceof JsonWebToken token && !expiry.watch(connection, token)) {
            return; // its token has ended: closing
        }
        String customerId = identity.getPrincipal().getName();
        ShopperChannel channel = channels.open(connection, customerId).orElse(null);
        if (channel == null) {
            connection.sendTextAndAwait(error("too_many_connections", "您打开的聊天窗口太多了，请先关闭其他窗口再试。", null));
            connection.closeAndAwait(new CloseReason(POLICY_VIOLATION, "too_many_connections"));
            return;
        }
        ChatService.Opened opened = chat.open(customerId);
        // Until the shopper has written, a connecting client is shown the greeting (and any proactive
        // message that came before they wrote); after that a reconnecting client asks for what it missed
        // with "resume".
        channels.attach(channel, opened.conversationId(), opened.shopperWrote() ? opened.lastSeq() : 0);
        channel.send(events.text(new ServerEvent.Session(opened.conversationId(), opened.lastSeq(), opened.state().name())));
        channel.catchUpNow();
    }

    @OnTextMessage
    void onText(String raw, WebSocketConnection connection) {
        ShopperChannel channel = channels.get(connection);
        if (channel == null) {
            return; // a refused connection, closing
        }
        if (!channel.limiter.tryAcquire()) {
            channel.send(error("rate_limited", "发送太频繁了，请稍后再试。", null));
            return;
        }
        String clientId = null;
        try {
            ClientFrame frame = frames.parse(raw);
            if (frame instanceof ClientFrame.Message m) {
                clientId = m.id();
            }
            switch (frame) {
                case ClientFrame.Message m -> message(channel, m);
                case ClientFrame.Resume r -> resume(channel, r);
                case ClientFrame.Rate r -> chat.rate(channel.customerId, channel.conversationId(), r);
            }
        } catch (ChatError e) {
            channel.send(error(e.code(), e.getMessage(), e.clientId()));
        } catch (RuntimeException e) {
            if (Exceptions.databaseUnavailable(e)) {
                // The database is unreachable: say so, and that an unacknowledged message should be sent
                // again (same id, so a message stored just before the failure is not stored twice).
                LOG.warnf("Database unavailable while handling a frame from %s: %s", channel.customerId, e.toString());
                channel.send(error("unavailable", "服务暂时不可用，如果这条消息没有显示“已送达”，请稍后重发。", clientId));
                return;
            }
            LOG.errorf(e, "Failed to handle a frame from %s", channel.customerId);
            channel.send(error("internal_error", "服务暂时出了点问题，请稍后重试。", clientId));
        }
    }

    private void message(ShopperChannel channel, ClientFrame.Message m) {
        Optional<Accepted> rating = channels.fromOrigin(channel, () -> typedRating.rate(channel.customerId, m));
        if (rating.isPresent()) {
            // the rating and the thanks first: unlike a message, the client does not hold the rating event yet
            channel.catchUpNow();
            Accepted r = rating.get();
            channel.send(events.text(new ServerEvent.Ack(r.clientId(), r.conversationId(), r.seq())));
            return;
        }
        Accepted accepted = channels.fromOrigin(channel, () -> chat.accept(channel.customerId, m));
        if (!accepted.duplicate() && !accepted.conversationId().equals(channel.conversationId())) {
            // the previous conversation was closed: the client now follows the new one from its start
            channels.attach(channel, accepted.conversationId(), 0);
        }
        channel.ack(accepted.conversationId(), accepted.seq(),
                events.text(new ServerEvent.Ack(accepted.clientId(), accepted.conversationId(), accepted.seq())));
        if (cap.closeIfFull(accepted)) {
            return;
        }
        chat.answer(channel.customerId, accepted);
    }

    private void resume(ShopperChannel channel, ClientFrame.Resume r) {
        Conversation c = conversations.ownedBy(r.conversationId(), channel.customerId)
                .orElseThrow(() -> new ChatError("not_found", "没有找到这个会话。"));
        channels.attach(channel, c.id, Math.min(r.afterSeq(), c.lastSeq));
        long pageEnd = channel.catchUpNow();
        if (pageEnd >= 0 && pageEnd < c.lastSeq) {
            channel.send(events.text(new ServerEvent.More(c.id, pageEnd, c.lastSeq)));
        }
    }

    private String error(String code, String message, String clientId) {
        return events.text(new ServerEvent.Error(code, message, clientId));
    }

    @OnClose
    void close(WebSocketConnection connection) {
        expiry.forget(connection);
        channels.close(connection);
    }

    @OnError
    void onError(WebSocketConnection connection, Throwable t) {
        LOG.debugf("WebSocket error on %s: %s", connection.id(), t.getMessage());
    }
}
