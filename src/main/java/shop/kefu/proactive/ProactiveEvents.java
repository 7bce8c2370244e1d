package shop.kefu.proactive;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import shop.kefu.aftersales.AfterSalesOrder;
import shop.kefu.aftersales.AfterSalesService;
import shop.kefu.aftersales.AfterSalesStatus;
import shop.kefu.aftersales.Order;
import shop.kefu.aftersales.OrderGateway;
import shop.kefu.common.Refusal;
import shop.kefu.conversation.Conversations;
import shop.kefu.conversation.ServerEvent;
import shop.kefu.dialog.Replies;
import shop.kefu.policy.ClaimReason;
import shop.kefu.policy.Compensation;
import shop.kefu.policy.PolicyService;

/**
 * Turns the order system's events into messages in the shopper's conversation. The shopper is the one
 * the order system's own record names: the order is looked up for the event's customer through the
 * order gateway, and an order that is not theirs is refused exactly like a missing one, so an event
 * can never reach another shopper. Each event id is handled once.
 */
@ApplicationScoped
public class ProactiveEvents {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日 HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    /** What the API answers: what became of the event, and where its message went. */
    public record Accepted(String eventId, String outcome, String conversationId, Long seq, boolean duplicate) {
        static Accepted of(ProactiveEvent e, boolean duplicate) {
            return new Accepted(e.eventId, e.outcome, e.conversationId, e.seq, duplicate);
        }
    }

    /** A message about to be sent, and what to record with it once it is. */
    private record Draft(Outreach.Kind kind, ServerEvent.Reply reply, Offer offer, Runnable onSent) {
    }

    @Inject
    OrderGateway orders;
    @Inject
    AfterSalesService aftersales;
    @Inject
    PolicyService policy;
    @Inject
    Replies replies;
    @Inject
    Outreach outreach;
    @Inject
    FollowUps followUps;
    @Inject
    ProactiveConfig config;
    @Inject
    ProactiveMetrics metrics;

    public Accepted accept(ShopperEvent e) {
        EventRules.Type type = EventRules.check(e);
        Optional<ProactiveEvent> seen = QuarkusTransaction.requiringNew().call(() -> ProactiveEvent.<ProactiveEvent> findByIdOptional(e.eventId()));
        if (seen.isPresent()) {
            return Accepted.of(seen.get(), true);
        }
        Order order = orders.find(e.customerId(), e.orderId())
                .orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND, "unknown_order", "No order " + e.orderId() + " of customer " + e.customerId() + "."));
        AfterSalesOrder kase = type == EventRules.Type.CASE_UPDATED ? updatedCase(e) : null;
        Draft d = draft(type, e, order, kase);
        Accepted accepted = Conversations.retryOnConflict(() -> QuarkusTransaction.requiringNew().call(() -> {
            ProactiveEvent again = ProactiveEvent.findById(e.eventId());
            if (again != null) {
                return Accepted.of(again, true); // the same event sent twice at once: the other one sent it
            }
            ProactiveEvent row = new ProactiveEvent();
            row.eventId = e.eventId();
            row.type = type.wire();
            row.orderId = order.orderId();
            row.customerId = order.customerId();
            row.outcome = "pending";
            row.receivedAt = OffsetDateTime.now();
            row.persistAndFlush(); // a twin racing on the id fails here, and its retry finds this row
            Outreach.Result sent = outreach.send(order.customerId(), d.kind(), d.reply(), d.offer());
            if (sent.outcome() == Outreach.Outcome.SENT && d.onSent() != null) {
                d.onSent().run();
            }
            if (kase != null && FollowUps.CLOSING.contains(kase.status)) {
                followUps.schedule("case:" + kase.id, order.customerId(), OffsetDateTime.now().plus(config.followUpDelay()));
            }
            row.outcome = sent.outcome().wire();
            row.conversationId = sent.conversationId();
            row.seq = sent.seq();
            return Accepted.of(row, false);
        }));
        if (!accepted.duplicate()) {
            metrics.outcome(d.kind(), Outreach.Outcome.valueOf(accepted.outcome().toUpperCase(java.util.Locale.ROOT)));
            if (d.offer() != null && Offer.CLAIM.equals(d.offer().kind) && "sent".equals(accepted.outcome())) {
                metrics.claimOffered();
            }
        }
        return accepted;
    }

    /**
     * The case the event is about, moved to the status the order system reports (kept when it is there
     * already, so a resent event finds nothing to do). A case of another order or shopper is unknown.
     */
    private AfterSalesOrder updatedCase(ShopperEvent e) {
        AfterSalesOrder a = aftersales.find(e.aftersalesId())
                .filter(c -> c.customerId.equals(e.customerId()) && c.orderId.equals(e.orderId()))
                .orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND, "unknown_case",
                        "No after-sales case " + e.aftersalesId() + " of order " + e.orderId() + "."));
        AfterSalesStatus next = EventRules.CASE_STATUSES.get(e.status());
        if (a.status == next) {
            return a;
        }
        return aftersales.transition(a.id, next, "订单系统：" + e.status(), "order_system", false);
    }

    private Draft draft(EventRules.Type type, ShopperEvent e, Order order, AfterSalesOrder kase) {
        return switch (type) {
            case DELIVERY_DELAYED -> delay(e, order);
            case DELIVERY_EXCEPTION -> exception(e, order);
            case DELIVERED -> new Draft(Outreach.Kind.DELIVERED, plain(replies.text("proactive.delivered", Map.of("order", order.orderId())),
                    List.of()), null, null);
            case CASE_UPDATED -> new Draft(Outreach.Kind.CASE_UPDATE, plain(replies.text("proactive.case." + e.status(),
                    Map.of("id", kase.id, "item", kase.itemName, "amount", kase.amount.toPlainString())), List.of()), null, null);
        };
    }

    /** The new window, an apology and the compensation the policy engine grants for this delay and category. */
    private Draft delay(ShopperEvent e, Order order) {
        Duration late = Duration.between(e.promisedBy(), e.newWindow().to());
        Compensation c = policy.delayCompensation(order.category(), late);
        String amount = c.amount().toPlainString();
        String text = replies.text("proactive.delay", Map.of("order", order.orderId(),
                "cause", e.cause() == null || e.cause().isBlank() ? replies.text("proactive.delay.cause") : e.cause().strip(),
                "window", window(e.newWindow()), "compensation", replies.text("proactive.delay." + c.kind().wire(), Map.of("amount", amount))));
        String outcome = c.kind() == Compensation.Kind.NONE ? "rejected" : "approved";
        ServerEvent.Reply reply = new ServerEvent.Reply("bot", text, 1.0, List.of(), replies.list("proactive.delay.quick"), List.of(), null,
                null, new ServerEvent.DecisionRef(outcome, c.rule()));
        CompensationCase kase = new CompensationCase();
        kase.id = "CP" + UUID.randomUUID().toString().substring(0, 12).toUpperCase();
        kase.customerId = order.customerId();
        kase.orderId = order.orderId();
        kase.eventId = e.eventId();
        kase.kind = c.kind().wire();
        kase.amount = c.amount();
        kase.rule = c.rule();
        kase.reason = c.reason();
        kase.delayMinutes = (int) Math.min(Integer.MAX_VALUE, late.toMinutes());
        kase.status = CompensationCase.OFFERED;
        kase.createdAt = kase.updatedAt = OffsetDateTime.now();
        return new Draft(Outreach.Kind.DELAY, reply, Offer.of(Offer.DELAY, order.orderId(), null, null, kase.id), kase::persist);
    }

    /**
     * A broken cold chain or goods damaged on the way: the claim starts here, before the shopper finds
     * out. The carrier's report is the evidence, so the shopper is not asked for a photo.
     */
    private Draft exception(ShopperEvent e, Order order) {
        EventRules.Exception what = EventRules.exception(e);
        if (what == EventRules.Exception.LOST) {
            return new Draft(Outreach.Kind.EXCEPTION, plain(replies.text("proactive.exception.lost", Map.of("order", order.orderId())),
                    List.of(replies.text("button.human"))), null, null);
        }
        Order.Item item = item(e, order);
        String text = replies.text("proactive.exception." + what.wire(), Map.of("order", order.orderId(), "item", item.name()));
        ClaimReason reason = what == EventRules.Exception.COLD_CHAIN_BROKEN ? ClaimReason.SPOILED : ClaimReason.DAMAGED;
        return new Draft(Outreach.Kind.EXCEPTION, plain(text, replies.list("proactive.claim.quick")),
                Offer.of(Offer.CLAIM, order.orderId(), item.sku(), reason.name(), e.eventId()), null);
    }

    private static Order.Item item(ShopperEvent e, Order order) {
        if (e.sku() != null) {
            return order.item(e.sku()).orElseThrow(() -> Refusal.invalid("invalid_field", "Field sku names no item of order " + order.orderId() + "."));
        }
        if (order.items().size() != 1) {
            throw Refusal.invalid("missing_field", "Field sku is required: order " + order.orderId() + " has " + order.items().size() + " items.");
        }
        return order.items().get(0);
    }

    private String window(ShopperEvent.Window w) {
        ZoneId zone = ZoneId.of(config.zone());
        OffsetDateTime from = w.from().atZoneSameInstant(zone).toOffsetDateTime();
        OffsetDateTime to = w.to().atZoneSameInstant(zone).toOffsetDateTime();
        return DAY.format(from) + "-" + (from.toLocalDate().equals(to.toLocalDate()) ? TIME.format(to) : DAY.format(to));
    }

    private static ServerEvent.Reply plain(String text, List<String> quickReplies) {
        return ServerEvent.Reply.of("bot", text, 1.0, quickReplies);
    }
}
