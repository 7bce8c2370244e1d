package shop.kefu.chat;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import shop.kefu.aftersales.AfterSalesService;
import shop.kefu.common.Exceptions;
import shop.kefu.dialog.Citation;
import shop.kefu.dialog.Form;
import shop.kefu.dialog.HandoffReason;
import shop.kefu.dialog.ReplyAction;
import shop.kefu.dialog.Replies;
import shop.kefu.dialog.Turn;
import shop.kefu.dialog.TurnEngine;
import shop.kefu.dialog.TurnResult;
import shop.kefu.handoff.HandoffService;

/**
 * The one path of a shopper turn: store the message (idempotently) and acknowledge it, then let the
 * engine answer if the bot holds the conversation, and store the reply. Live views pick events up
 * from the log after each commit.
 */
@ApplicationScoped
public class ChatService {

    private static final Logger LOG = Logger.getLogger(ChatService.class);

    @Inject
    Conversations conversations;
    @Inject
    EventLog log;
    @Inject
    TurnEngine engine;
    @Inject
    HandoffService handoff;
    @Inject
    Replies replies;
    @Inject
    AfterSalesService aftersales;
    @Inject
    TurnStore turns;

    /** The shopper's open conversation, opened if needed. */
    public Opened open(String customerId) {
        return retryOnConflict(() -> QuarkusTransaction.requiringNew().call(() -> {
            Conversation c = conversations.activeFor(customerId);
            return new Opened(c.id, c.lastSeq, c.state);
        }));
    }

    /** Stores a shopper message once per client id; a resent id gets the original seq back. */
    public Accepted accept(String customerId, ClientFrame.Message message) {
        if (!message.attachments().isEmpty()
                && aftersales.ownedEvidence(customerId, message.attachments()).size() != message.attachments().size()) {
            throw new ChatError("unknown_attachment", "附件不存在或已失效，请重新上传。", message.id());
        }
        engine.prepare(message.text()); // e.g. embedding the question on another core while we store it
        return retryOnConflict(() -> turns.storeMessage(customerId, message.id(), messagePayload(message), message.text())
                .orElseGet(() -> QuarkusTransaction.requiringNew().call(() -> {
                    // no open conversation: open one (with its greeting), then store the message in it
                    ClientMessage seen = ClientMessage.lookup(customerId, message.id());
                    if (seen != null) {
                        return new Accepted(message.id(), seen.conversationId, seen.seq, true, null, null);
                    }
                    Conversation c = conversations.activeFor(customerId);
                    ChatEvent event = log.append(c, messagePayload(message), "shopper", message.text());
                    ClientMessage record = new ClientMessage();
                    record.customerId = customerId;
                    record.clientId = message.id();
                    record.conversationId = c.id;
                    record.seq = event.seq;
                    record.persist();
                    return new Accepted(message.id(), c.id, event.seq, false, c.state, c.dialogState);
                })));
    }

    private ObjectNode messagePayload(ClientFrame.Message message) {
        ObjectNode payload = log.payload("message");
        payload.put("from", "shopper");
        payload.put("id", message.id());
        payload.put("text", message.text());
        var attachments = payload.putArray("attachments");
        message.attachments().forEach(attachments::add);
        return payload;
    }

    /** Lets the engine answer an accepted message, if the bot holds the conversation. */
    public void answer(String customerId, Accepted accepted, ClientFrame.Message message) {
        if (accepted.duplicate() || accepted.state() != ConversationState.BOT) {
            return;
        }
        TurnResult result;
        try {
            result = engine.respond(new Turn(accepted.conversationId(), customerId, message.text(), message.attachments(),
                    accepted.dialogState()));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Engine failed on conversation %s", accepted.conversationId());
            result = TurnResult.say(replies.text("engine.error"), 0).withHandoff(HandoffReason.REPEATED_FAILURE);
        }
        TurnResult reply = result;
        if (reply.handoff() == null) {
            turns.storeReply(accepted.conversationId(), customerId, replyPayload(reply), reply.text(), reply.dialogState());
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> { // a handoff: on the JPA path, where the queue lives
            Conversation c = conversations.lock(accepted.conversationId());
            if (c.state != ConversationState.BOT) {
                return; // an agent took over while the engine was thinking
            }
            appendReply(c, reply);
            c.dialogState = reply.dialogState();
            handoff.handOff(c, reply.handoff());
        });
    }

    /** Stores a satisfaction rating on the conversation the connection is viewing. */
    public void rate(String customerId, String conversationId, ClientFrame.Rate rate) {
        QuarkusTransaction.requiringNew().run(() -> {
            Conversation c = conversations.lock(conversationId);
            if (c == null || !c.customerId.equals(customerId)) {
                throw new ChatError("not_found", "没有找到这个会话。");
            }
            c.rating = rate.score();
            c.ratingComment = rate.comment();
            var payload = log.payload("rating");
            payload.put("score", rate.score());
            if (rate.comment() != null) {
                payload.put("comment", rate.comment());
            }
            log.append(c, payload, "shopper", rate.comment());
            appendReply(c, TurnResult.say(replies.text(rate.score() >= 4 ? "rating.thanks" : "rating.sorry"), 1.0));
        });
    }

    void appendReply(Conversation c, TurnResult r) {
        log.append(c, replyPayload(r), "bot", r.text());
    }

    private ObjectNode replyPayload(TurnResult r) {
        ObjectNode payload = log.reply("bot", r.text(), r.confidence(), r.quickReplies());
        var citations = payload.withArray("citations");
        for (Citation citation : r.citations()) {
            citations.addObject().put("articleId", citation.articleId()).put("title", citation.title());
        }
        var actions = payload.withArray("actions");
        for (ReplyAction a : r.actions()) {
            var node = actions.addObject().put("type", a.type());
            if (a.aftersalesId() != null) {
                node.put("aftersalesId", a.aftersalesId()).put("kind", a.kind());
            }
        }
        Form f = r.form();
        if (f != null) {
            payload.putObject("aftersales").put("orderId", f.orderId()).put("sku", f.sku()).put("item", f.item())
                    .put("kind", f.kindWire()).put("reason", f.reasonWire()).put("unused", f.unused()).put("visit", f.visit())
                    .put("step", f.step());
            if (f.decision() != null) {
                payload.putObject("decision").put("outcome", f.decision().outcome().name().toLowerCase(java.util.Locale.ROOT))
                        .put("rule", f.decision().rule());
            }
        }
        return payload;
    }

    /**
     * Two first messages of one shopper racing to open a conversation, or one message id sent twice at
     * once: the loser retries into the winner's conversation, or finds its id already stored.
     */
    private static <T> T retryOnConflict(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            if (Exceptions.constraintViolation(e)) {
                return work.get();
            }
            throw e;
        }
    }

    public record Opened(String conversationId, long lastSeq, ConversationState state) {
    }

    /** A stored message, with the conversation's state and dialog state as they were when it was stored. */
    public record Accepted(String clientId, String conversationId, long seq, boolean duplicate, ConversationState state,
            String dialogState) {
    }
}
