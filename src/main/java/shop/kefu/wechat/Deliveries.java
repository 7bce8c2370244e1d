package shop.kefu.wechat;

import java.time.OffsetDateTime;
import java.util.List;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import shop.kefu.conversation.ChatEvent;
import shop.kefu.conversation.EventLog;
import shop.kefu.conversation.EventStored;
import shop.kefu.handoff.AgentNote;

/**
 * Sends a WeChat conversation's replies to the user through the customer-service send API. Like a
 * WebSocket view, it follows the conversation's log: {@code wechat_conversation.delivered_seq} is how
 * far it has been sent, and it moves only past what WeChat accepted (or refused for good, which the
 * agents are told in a note). So nothing is lost to a restart, a failed call or WeChat's limits: a
 * reply WeChat will not take yet (the 48-hour window closed, 45015; over the 5 messages per user
 * message, 45047) stays owed, the agents see why ({@link WechatStatus}), and it goes out after the
 * user's next message. The conversation's cursor row is locked while sending, so two nodes never send
 * one reply twice.
 */
@ApplicationScoped
class Deliveries {

    private static final Logger LOG = Logger.getLogger(Deliveries.class);
    static final String NOTE_AUTHOR = "wechat";

    @Inject
    WechatConfig config;
    @Inject
    WechatApi api;
    @Inject
    EventLog log;
    @Inject
    Typing typing;
    @Inject
    ObjectMapper json;

    /**
     * A reply was stored: if its conversation is a WeChat one, send it (off the committing thread). An
     * agent joined: show the user "typing" while the agent reads up and answers.
     */
    void onStored(@Observes(during = TransactionPhase.AFTER_SUCCESS) EventStored event) {
        if (event.elsewhere()) {
            return; // the node that stored it sends it; the other nodes would only queue on the row lock (the sweep covers a node that died)
        }
        if (config.enabled() && "reply".equals(event.type())) {
            Infrastructure.getDefaultWorkerPool().execute(() -> deliverQuietly(event.conversationId()));
        } else if (config.enabled() && "agent_joined".equals(event.type())) {
            Infrastructure.getDefaultWorkerPool().execute(() -> {
                WechatConversation wc = QuarkusTransaction.requiringNew()
                        .call(() -> WechatConversation.<WechatConversation> findById(event.conversationId()));
                if (wc != null) {
                    typing.show(wc.openid);
                }
            });
        }
    }

    void deliverQuietly(String conversationId) {
        try {
            deliver(conversationId);
        } catch (RuntimeException e) {
            LOG.warnf(e, "Sending WeChat replies of conversation %s failed; the sweep retries", conversationId);
        }
    }

    /** Starts following a conversation: replies after {@code fromSeq} are owed to the user. */
    void follow(String conversationId, String openid, long fromSeq) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (WechatConversation.findById(conversationId) == null) {
                WechatConversation wc = new WechatConversation();
                wc.conversationId = conversationId;
                wc.openid = openid;
                wc.deliveredSeq = fromSeq;
                wc.updatedAt = OffsetDateTime.now();
                wc.persist();
            }
        });
    }

    /** Sends what is owed and allowed now, a page (the per-message quota) at a time. */
    void deliver(String conversationId) {
        boolean more = true;
        while (more) {
            more = QuarkusTransaction.requiringNew().call(() -> deliverPage(conversationId));
        }
    }

    private boolean deliverPage(String conversationId) {
        WechatConversation wc = WechatConversation.findById(conversationId, LockModeType.PESSIMISTIC_WRITE);
        if (wc == null) {
            return false; // not a WeChat conversation
        }
        WechatUser user = WechatUser.findById(wc.openid, LockModeType.PESSIMISTIC_WRITE);
        if (user == null) {
            return false;
        }
        int page = Math.max(1, config.repliesPerMessage());
        List<ChatEvent> events = log.after(conversationId, wc.deliveredSeq, page);
        for (ChatEvent e : events) {
            JsonNode payload = parse(e.payload);
            if (!"reply".equals(e.type) || payload.path("text").asText("").isBlank()) {
                advance(wc, e.seq, null);
                continue;
            }
            WechatUser.Hold hold = ReplyAllowance.of(user, config, OffsetDateTime.now()).hold();
            if (hold != null) {
                held(user, wc, hold);
                return false;
            }
            WechatHttp.Answer answer = api.sendText(wc.openid,
                    ReplyText.of(payload, "links".equals(config.quickReplies()), config.quickReplyPath()));
            if (answer.ok()) {
                user.sentSince++;
                user.lastError = null;
                advance(wc, e.seq, ReplyText.quickReplies(payload));
            } else if (answer.errcode() == WechatApi.WINDOW_CLOSED) {
                held(user, wc, WechatUser.Hold.WINDOW_CLOSED);
                return false;
            } else if (answer.errcode() == WechatApi.OVER_QUOTA) {
                held(user, wc, WechatUser.Hold.QUOTA);
                return false;
            } else if (answer.errcode() == WechatHttp.BUSY) {
                user.lastError = trim("WeChat unreachable or busy: " + answer.errmsg());
                LOG.warnf("WeChat send for conversation %s failed (%s); the sweep retries", conversationId, answer.errmsg());
                return false;
            } else {
                // refused for good (e.g. the user blocked the mini-program): say so rather than retry forever
                user.lastError = trim(answer.errcode() + " " + answer.errmsg());
                note(conversationId, "这条回复未能通过微信发出（错误 " + answer.errcode() + "：" + answer.errmsg() + "），请通过其他方式联系用户。");
                advance(wc, e.seq, null);
            }
        }
        return events.size() == page;
    }

    private void advance(WechatConversation wc, long seq, List<String> quickReplies) {
        wc.deliveredSeq = seq;
        if (quickReplies != null) {
            wc.quickReplies = json.valueToTree(quickReplies).toString();
        }
        wc.updatedAt = OffsetDateTime.now();
    }

    /** Replies wait for the user's next message; the agents are told once per hold. */
    private void held(WechatUser user, WechatConversation wc, WechatUser.Hold hold) {
        if (hold.wire.equals(user.heldReason)) {
            return;
        }
        user.heldReason = hold.wire;
        note(wc.conversationId, hold == WechatUser.Hold.WINDOW_CLOSED
                ? "微信限制：用户最后一条消息已超过 48 小时，回复窗口已关闭。未发出的回复已排队，用户下次发消息后自动发出。"
                : "微信限制：用户上一条消息之后最多可发 " + config.repliesPerMessage() + " 条，已用完。未发出的回复已排队，用户下次发消息后自动发出。");
    }

    private static void note(String conversationId, String text) {
        AgentNote n = new AgentNote();
        n.conversationId = conversationId;
        n.agentId = NOTE_AUTHOR;
        n.text = text;
        n.createdAt = OffsetDateTime.now();
        n.persist();
    }

    List<String> offered(WechatConversation wc) {
        if (wc == null || wc.quickReplies == null) {
            return List.of();
        }
        List<String> q = new java.util.ArrayList<>();
        parse(wc.quickReplies).forEach(n -> q.add(n.asText()));
        return q;
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String trim(String s) {
        return s.length() > 500 ? s.substring(0, 500) : s;
    }
}
