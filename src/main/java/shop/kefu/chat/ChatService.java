package shop.kefu.chat;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import shop.kefu.aftersales.AfterSalesService;
import shop.kefu.aftersales.AttachmentUses;
import shop.kefu.conversation.Accepted;
import shop.kefu.conversation.ChatEvent;
import shop.kefu.conversation.ClientMessage;
import shop.kefu.conversation.Conversation;
import shop.kefu.conversation.ConversationState;
import shop.kefu.conversation.Conversations;
import shop.kefu.conversation.EventLog;
import shop.kefu.conversation.RatingMetrics;
import shop.kefu.conversation.ServerEvent;
import shop.kefu.conversation.TurnStore;
import shop.kefu.dialog.Form;
import shop.kefu.dialog.HandoffReason;
import shop.kefu.dialog.Replies;
import shop.kefu.dialog.Turn;
import shop.kefu.dialog.TurnEngine;
import shop.kefu.dialog.TurnPath;
import shop.kefu.dialog.TurnResult;
import shop.kefu.handoff.HandoffService;
import shop.kefu.proactive.ProactiveTurns;

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
    @Inject
    AttachmentUses attachmentUses;
    @Inject
    ChatMetrics metrics;
    @Inject
    RatingMetrics ratings;
    @Inject
    ConversationCap cap;
    @Inject
    ProactiveTurns proactive;

    /** The shopper's open conversation, opened if needed. */
    public Opened open(String customerId) {
        return Conversations.retryOnConflict(() -> QuarkusTransaction.requiringNew().call(() -> {
            Conversation c = conversations.activeFor(customerId);
            // more than the greeting: proactive messages may have come before the shopper wrote
            boolean written = c.lastSeq > 1 && ChatEvent.count("conversationId = ?1 and sender = ?2", c.id, "shopper") > 0;
            return new Opened(c.id, c.lastSeq, c.state, written);
        }));
    }

    /** Stores a shopper message once per client id; a resent id gets the original seq back. */
    public Accepted accept(String customerId, ClientFrame.Message message) {
        if (!message.attachments().isEmpty()
                && aftersales.ownedEvidence(customerId, message.attachments()).size() != message.attachments().size()) {
            throw new ChatError("unknown_attachment", "附件不存在或已失效，请重新上传。", message.id());
        }
        engine.prepare(message.text()); // e.g. embedding the question on another core while we store it
        Accepted accepted = turns.storeMessage(customerId, ServerEvent.Message.fromShopper(message.id(), message.text(), message.attachments()));
        // before the ack: if this fails the client resends, and the duplicate records the use then
        attachmentUses.sentIn(accepted.conversationId(), message.attachments());
        return accepted;
    }

    /**
     * A whole turn for a channel without a live view of the log (WeChat's message push): store the
     * message, close a full conversation, and answer when owed. {@code beforeAnswer} runs once the
     * message is stored and before the engine starts (e.g. to show "typing").
     */
    public Accepted take(String customerId, ClientFrame.Message message, Consumer<Accepted> beforeAnswer) {
        Accepted accepted = accept(customerId, message);
        if (cap.closeIfFull(accepted)) {
            return accepted;
        }
        if (accepted.owed()) {
            beforeAnswer.accept(accepted);
        }
        answer(customerId, accepted);
        return accepted;
    }

    /**
     * Lets the engine answer an accepted message the bot owes an answer: a new one in a bot-held
     * conversation, or a resend of one whose answer was never stored. The message is answered as first
     * stored; whichever attempt stores its answer first wins, the other's is dropped.
     */
    public void answer(String customerId, Accepted accepted) {
        if (!accepted.owed()) {
            return;
        }
        long started = System.nanoTime();
        TurnResult result;
        try {
            // answers to proactive messages ("继续等待", "直接退款", a follow-up's rating, "别再发了") come first
            result = proactive.respond(new Turn(accepted.conversationId(), customerId, accepted.text(), accepted.attachments(),
                    accepted.dialogState()), engine);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Engine failed on conversation %s", accepted.conversationId());
            result = TurnResult.say(replies.text("engine.error"), 0).withHandoff(HandoffReason.REPEATED_FAILURE).on(TurnPath.ERROR);
        }
        TurnResult reply = result;
        if (reply.handoff() == null) {
            turns.storeReply(accepted.conversationId(), customerId, accepted.clientId(), replyEvent(reply), reply.dialogState());
        } else {
            QuarkusTransaction.requiringNew().run(() -> { // a handoff: on the JPA path, where the queue lives
                Conversation c = conversations.lock(accepted.conversationId());
                if (c.state != ConversationState.BOT || !ClientMessage.claimAnswer(customerId, accepted.clientId())) {
                    return; // an agent took over while the engine was thinking, or a resend was answered meanwhile
                }
                appendReply(c, reply);
                c.dialogState = reply.dialogState();
                handoff.handOff(c, reply.handoff());
            });
        }
        metrics.replied(reply, System.nanoTime() - started);
    }

    /** Stores a satisfaction rating on the conversation the connection is viewing. */
    public void rate(String customerId, String conversationId, ClientFrame.Rate rate) {
        boolean byAgent = QuarkusTransaction.requiringNew().call(() -> {
            Conversation c = conversations.lock(conversationId);
            if (c == null || !c.customerId.equals(customerId)) {
                throw new ChatError("not_found", "没有找到这个会话。");
            }
            if (!c.rateable()) {
                throw new ChatError("not_rateable", c.rating != null ? "这次服务已经评价过了，谢谢您。" : "服务结束后才能评价哦。");
            }
            storeRating(c, rate.score(), rate.comment());
            return c.agentId != null;
        });
        ratings.rated(rate.score(), byAgent);
    }

    /** Records the rating on a locked, rateable conversation, and thanks the shopper; returns the rating event. */
    ChatEvent storeRating(Conversation c, int score, String comment) {
        c.rating = score;
        c.ratingComment = comment;
        ChatEvent rating = log.append(c, new ServerEvent.Rating(score, comment), "shopper", comment);
        appendReply(c, TurnResult.say(replies.text(score >= 4 ? "rating.thanks" : "rating.sorry"), 1.0));
        return rating;
    }

    void appendReply(Conversation c, TurnResult r) {
        log.append(c, replyEvent(r), "bot", r.text());
    }

    private static ServerEvent.Reply replyEvent(TurnResult r) {
        List<ServerEvent.Citation> citations = r.citations().stream()
                .map(c -> new ServerEvent.Citation(c.articleId(), c.title())).toList();
        List<ServerEvent.Action> actions = r.actions().stream()
                .map(a -> new ServerEvent.Action(a.type(), a.aftersalesId(), a.aftersalesId() == null ? null : a.kind())).toList();
        Form f = r.form();
        ServerEvent.AfterSalesCard card = f == null ? null
                : new ServerEvent.AfterSalesCard(f.orderId(), f.sku(), f.item(), f.kindWire(), f.reasonWire(), f.unused(), f.visit(), f.step());
        ServerEvent.DecisionRef decision = f == null || f.decision() == null ? null
                : new ServerEvent.DecisionRef(f.decision().outcome().name().toLowerCase(Locale.ROOT), f.decision().rule());
        return new ServerEvent.Reply("bot", r.text(), r.confidence(), citations, r.quickReplies(), actions, null, card, decision);
    }

    /** @param shopperWrote the shopper has written in it (until then a connecting client is shown it all) */
    public record Opened(String conversationId, long lastSeq, ConversationState state, boolean shopperWrote) {
    }
}
