package shop.kefu.proactive;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import shop.kefu.aftersales.AfterSalesOrder;
import shop.kefu.aftersales.AfterSalesService;
import shop.kefu.aftersales.AfterSalesStatus;
import shop.kefu.aftersales.Claim;
import shop.kefu.aftersales.OrderGateway;
import shop.kefu.conversation.Conversation;
import shop.kefu.conversation.Conversations;
import shop.kefu.conversation.EventLog;
import shop.kefu.conversation.RatingMetrics;
import shop.kefu.conversation.ServerEvent;
import shop.kefu.conversation.TypedScore;
import shop.kefu.dialog.Form;
import shop.kefu.dialog.HandoffReason;
import shop.kefu.dialog.Replies;
import shop.kefu.dialog.ReplyAction;
import shop.kefu.dialog.Turn;
import shop.kefu.dialog.TurnEngine;
import shop.kefu.dialog.TurnPath;
import shop.kefu.dialog.TurnResult;
import shop.kefu.policy.ClaimKind;
import shop.kefu.policy.ClaimReason;
import shop.kefu.policy.Decision;

/**
 * The shopper's answers to proactive messages, in front of the engine: the quick replies of the latest
 * offer in the conversation ("继续等待", "取消订单", "直接退款", "确认退款", a follow-up's rating) and the
 * opt-out ("别再发了"). Anything else goes to the engine as usual; the engine's state is kept untouched
 * by the turns answered here. Refunds go through {@link AfterSalesService} and its policy check like
 * any other claim: the offer only says which item and reason, never an amount.
 */
@ApplicationScoped
public class ProactiveTurns {

    /**
     * A high-precision shortcut: only unmistakable requests to stop proactive messages ("退订" is left
     * out: shoppers also say it of cancelling an order).
     */
    private static final Pattern OPT_OUT = Pattern.compile("别再(给我)?(发|推送?)(消息|通知)?了|不要再(给我)?(发|推送?)((消息|通知)了?|了)|别(给我)?(发|推送)(消息|通知)了|关闭(主动)?(通知|推送)");
    private static final int MAX_COMMENT = 500;

    @Inject
    Conversations conversations;
    @Inject
    EventLog log;
    @Inject
    Replies replies;
    @Inject
    Preferences preferences;
    @Inject
    AfterSalesService aftersales;
    @Inject
    OrderGateway orders;
    @Inject
    Outreach outreach;
    @Inject
    ProactiveConfig config;
    @Inject
    ProactiveMetrics metrics;
    @Inject
    RatingMetrics ratings;

    /** The bot's reply to a turn: an answer to a proactive message, or else the engine's. */
    public TurnResult respond(Turn turn, TurnEngine engine) {
        Optional<TurnResult> mine = answer(turn);
        if (mine.isPresent()) {
            return mine.get();
        }
        TurnResult r = engine.respond(turn);
        if (r.path() == TurnPath.STATUS) {
            metrics.statusQuestion(outreach.recentlySent(turn.conversationId(), config.statusQuestionWindow()));
        }
        return r;
    }

    Optional<TurnResult> answer(Turn turn) {
        String text = turn.text().strip();
        if (optsOut(text)) {
            preferences.setOptedOut(turn.customerId(), true);
            return Optional.of(say(turn, replies.text("proactive.opted.out"), List.of(), TurnPath.SMALL_TALK));
        }
        if (replies.list("proactive.opt.in").contains(text)) {
            preferences.setOptedOut(turn.customerId(), false);
            return Optional.of(say(turn, replies.text("proactive.opted.in"), List.of(), TurnPath.SMALL_TALK));
        }
        if (!mayAnswerAnOffer(text)) {
            return Optional.empty(); // most turns: no read of the open offer
        }
        Optional<Offer> offer = QuarkusTransaction.requiringNew().call(() -> Offer.<Offer> findByIdOptional(turn.conversationId())
                .filter(o -> o.customerId.equals(turn.customerId())));
        if (offer.isEmpty()) {
            return Optional.empty();
        }
        Offer o = offer.get();
        return switch (o.kind) {
            case Offer.DELAY -> delay(turn, o, text);
            case Offer.CLAIM -> claim(turn, o, text);
            case Offer.FOLLOW_UP -> followUp(turn, o, text);
            default -> Optional.empty();
        };
    }

    /** Only our quick replies and a typed score answer an offer; anything else goes to the engine. */
    private boolean mayAnswerAnOffer(String text) {
        return replies.list("proactive.delay.quick").contains(text) || replies.list("proactive.claim.quick").contains(text)
                || replies.list("proactive.claim.confirm.quick").contains(text) || TypedScore.of(text).isPresent();
    }

    // ---------------------------------------------------------------- a late delivery

    private Optional<TurnResult> delay(Turn turn, Offer o, String text) {
        List<String> quick = replies.list("proactive.delay.quick"); // 继续等待 | 取消订单
        if (text.equals(quick.get(0))) {
            CompensationCase granted = settle(o, CompensationCase.GRANTED);
            String what = granted == null ? "" : replies.text("proactive.delay.granted." + granted.kind, Map.of("amount", granted.amount.toPlainString()));
            return Optional.of(say(turn, replies.text("proactive.delay.waiting", Map.of("granted", what)), List.of(), TurnPath.STATUS));
        }
        if (quick.size() > 1 && text.equals(quick.get(1))) {
            if (!orders.cancel(turn.customerId(), o.orderId)) {
                drop(o);
                return Optional.of(say(turn, replies.text("proactive.delay.cannot.cancel", Map.of("order", o.orderId)), List.of(),
                        TurnPath.AFTERSALES).withHandoff(HandoffReason.REQUESTED));
            }
            settle(o, CompensationCase.ORDER_CANCELLED);
            return Optional.of(say(turn, replies.text("proactive.delay.cancelled", Map.of("order", o.orderId)), List.of(), TurnPath.AFTERSALES));
        }
        return Optional.empty();
    }

    /** Records the shopper's choice on the compensation case and closes the offer; null if it was settled before. */
    private CompensationCase settle(Offer o, String status) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Offer.deleteById(o.conversationId);
            CompensationCase c = CompensationCase.findById(o.ref, LockModeType.PESSIMISTIC_WRITE);
            if (c == null || !CompensationCase.OFFERED.equals(c.status)) {
                return null;
            }
            c.status = status;
            c.updatedAt = OffsetDateTime.now();
            return c;
        });
    }

    private static void drop(Offer o) {
        QuarkusTransaction.requiringNew().run(() -> Offer.deleteById(o.conversationId));
    }

    // ---------------------------------------------------------------- a claim the carrier reported: two taps

    private Optional<TurnResult> claim(Turn turn, Offer o, String text) {
        List<String> offered = replies.list("proactive.claim.quick"); // 直接退款 | 暂不需要
        List<String> confirm = replies.list("proactive.claim.confirm.quick"); // 确认退款 | 暂不需要
        Claim claim = Claim.carrierReported(o.orderId, o.sku, ClaimKind.REFUND, ClaimReason.valueOf(o.reason));
        if (text.equals(offered.get(offered.size() - 1)) || text.equals(confirm.get(confirm.size() - 1))) {
            drop(o);
            return Optional.of(say(turn, replies.text("proactive.claim.declined"), List.of(), TurnPath.AFTERSALES));
        }
        if (Offer.OFFERED.equals(o.step) && text.equals(offered.get(0))) { // tap one: the policy's decision, to confirm
            AfterSalesService.Evaluation e = aftersales.evaluate(turn.customerId(), claim);
            Decision d = e.decision();
            if (!d.allowsCreation()) {
                drop(o);
                return Optional.of(say(turn, d.reason() + "\n" + replies.text("flow.rejected.offer"), List.of(replies.text("button.human")),
                        TurnPath.AFTERSALES).withForm(form(o, e.item().name(), null, d)));
            }
            QuarkusTransaction.requiringNew().run(() -> {
                Offer managed = Offer.findById(o.conversationId);
                if (managed != null) {
                    managed.step = Offer.CONFIRM;
                }
            });
            String confirmText = replies.text("proactive.claim.confirm", Map.of("order", o.orderId, "item", e.item().name(),
                    "amount", d.amount().toPlainString(), "decision", d.reason()));
            return Optional.of(say(turn, confirmText, confirm, TurnPath.AFTERSALES).withForm(form(o, e.item().name(), "confirm", d)));
        }
        if (Offer.CONFIRM.equals(o.step) && text.equals(confirm.get(0))) { // tap two: submitted, decided again
            AfterSalesService.Submission s = aftersales.submit(turn.customerId(), claim, turn.conversationId(), "bot");
            drop(o);
            if (s.created().isEmpty()) {
                return Optional.of(say(turn, s.decision().reason() + "\n" + replies.text("flow.rejected.offer"),
                        List.of(replies.text("button.human")), TurnPath.AFTERSALES));
            }
            var a = s.created().get().order();
            if (s.created().get().duplicate()) { // claimed already, by the shopper or an earlier tap
                return Optional.of(say(turn, replies.text("flow.duplicate", Map.of("id", a.id, "status", a.status.label)),
                        List.of(replies.text("button.status")), TurnPath.AFTERSALES));
            }
            metrics.claimCreated();
            boolean review = a.status == AfterSalesStatus.UNDER_REVIEW;
            String done = replies.text(review ? "flow.created.review" : "flow.created",
                    Map.of("id", a.id, "kind", ClaimKind.REFUND.label, "amount", a.amount.toPlainString()));
            TurnResult r = new TurnResult(done, 1.0, List.of(), List.of(replies.text("button.status")),
                    List.of(ReplyAction.aftersalesCreated(a.id, a.kind)), null, turn.dialogState()).on(TurnPath.AFTERSALES);
            return Optional.of(review ? r.withHandoff(HandoffReason.POLICY) : r);
        }
        return Optional.empty();
    }

    private static Form form(Offer o, String item, String step, Decision d) {
        return new Form(o.orderId, o.sku, item, ClaimKind.REFUND, ClaimReason.valueOf(o.reason), null, null, step, d);
    }

    // ---------------------------------------------------------------- the follow-up's rating

    private Optional<TurnResult> followUp(Turn turn, Offer o, String text) {
        Optional<TypedScore> typed = TypedScore.of(text);
        if (typed.isEmpty()) {
            return Optional.empty();
        }
        int score = typed.get().score();
        String comment = typed.get().comment();
        String kept = comment.isEmpty() ? null : comment.substring(0, Math.min(MAX_COMMENT, comment.length()));
        Answered answered = QuarkusTransaction.requiringNew().call(() -> {
            Offer.deleteById(o.conversationId);
            FollowUp f = FollowUp.findById(Long.valueOf(o.ref), LockModeType.PESSIMISTIC_WRITE);
            if (f == null || !FollowUp.SENT.equals(f.status)) {
                return null;
            }
            f.status = FollowUp.ANSWERED;
            f.score = score;
            f.comment = kept;
            f.answeredAt = OffsetDateTime.now();
            boolean counted = true;
            if (f.subjectConversation() != null) {
                // the rating of the resolved conversation, where the service's ratings are kept (the report's CSAT)
                Conversation rated = conversations.lock(f.subjectConversation());
                counted = rated != null && rated.rateable(); // rated meanwhile (rate frame): counted then, not twice
                if (counted) {
                    rated.rating = score;
                    rated.ratingComment = kept;
                }
            }
            Conversation here = conversations.lock(turn.conversationId());
            log.append(here, new ServerEvent.Rating(score, kept), "shopper", kept);
            return new Answered(counted, counted && servedByAgent(f));
        });
        if (answered == null) {
            return Optional.empty();
        }
        metrics.followUpAnswered();
        if (answered.counted()) {
            ratings.rated(score, answered.servedByAgent());
        }
        if (score <= config.badRating()) {
            return Optional.of(say(turn, replies.text("proactive.followup.sorry"), List.of(), TurnPath.HANDOFF)
                    .withHandoff(HandoffReason.BAD_RATING));
        }
        return Optional.of(say(turn, replies.text("proactive.followup.thanks"), List.of(), TurnPath.SMALL_TALK));
    }

    /** @param counted whether the score is a rating not counted before ({@code kefu_ratings} counts each once) */
    private record Answered(boolean counted, boolean servedByAgent) {
    }

    /**
     * Whether an agent served what the follow-up asked about, as {@code kefu_ratings} tells ratings apart:
     * the conversation it names (an agent resolved it), or the one its case was made in.
     */
    private static boolean servedByAgent(FollowUp f) {
        String conversationId = f.subjectCase() == null ? f.subjectConversation()
                : AfterSalesOrder.<AfterSalesOrder> findByIdOptional(f.subjectCase()).map(a -> a.conversationId).orElse(null);
        Conversation c = conversationId == null ? null : Conversation.findById(conversationId);
        return c != null && c.agentId != null;
    }

    static boolean optsOut(String text) {
        return OPT_OUT.matcher(text).find();
    }

    /** A reply that leaves the engine's own state as it was. */
    private static TurnResult say(Turn turn, String text, List<String> quick, TurnPath path) {
        return new TurnResult(text, 1.0, List.of(), quick, List.of(), null, turn.dialogState()).on(path);
    }
}
