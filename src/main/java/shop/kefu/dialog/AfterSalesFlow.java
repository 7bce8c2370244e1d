package shop.kefu.dialog;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import shop.kefu.aftersales.AfterSalesOrder;
import shop.kefu.aftersales.AfterSalesService;
import shop.kefu.aftersales.AfterSalesTools;
import shop.kefu.aftersales.Claim;
import shop.kefu.aftersales.Order;
import shop.kefu.aftersales.ServiceVisit;
import shop.kefu.dialog.DialogState.Awaiting;
import shop.kefu.dialog.DialogState.Flow;
import shop.kefu.policy.ClaimKind;
import shop.kefu.policy.ClaimReason;
import shop.kefu.policy.Decision;
import shop.kefu.understanding.ItemMatcher;
import shop.kefu.understanding.Reading;
import shop.kefu.understanding.Understanding;

/**
 * Slot filling for after-sales requests and visits: takes what the shopper already said, asks only for
 * what is missing (order and item, reason, refund or replacement, evidence), shows the policy decision,
 * and creates the order only after an explicit confirmation. The shopper can change a detail or cancel
 * at any step.
 */
@ApplicationScoped
public class AfterSalesFlow {

    private static final int MAX_ORDER_CHOICES = 5;
    private static final int MAX_RETRIES = 2;
    /** Refusals of a repair that a person can still arrange for a fee: the free period is over. */
    private static final Set<String> PAID_REPAIR_RULES = Set.of("appliance.warranty-days", "furniture.quality-repair-days");

    @Inject
    AfterSalesTools tools;
    @Inject
    Replies replies;
    @Inject
    Understanding understanding;

    /**
     * Starts a request (visit == null) or a visit booking ("install"/"repair") from what the message
     * says; an item or problem the previous answer was about fills what the message leaves out.
     */
    public TurnResult start(Turn turn, DialogState state, Reading reading, String visit) {
        List<Order> orders = tools.myOrders(turn.customerId());
        // the item of the previous answer, unless this message names one itself
        boolean hinted = state.hintOrder() != null && !understanding.items(turn.text(), orders, reading.reason()).named();
        Flow f = new Flow(visit, hinted ? state.hintOrder() : null, hinted ? state.hintSku() : null, reading.kind(),
                reading.reason() != null ? reading.reason() : state.hint(), Slots.share(turn.text()), reading.unused(),
                turn.attachments(), null);
        return advance(turn, state, f, orders);
    }

    public TurnResult resume(Turn turn, DialogState state, Reading reading) {
        String text = turn.text().strip();
        Flow f = state.flow().withEvidence(turn.attachments());
        // "退掉算了" asks for a return; "算了，不退了", "算了 不要了", "取消退款" and our own cancel button cancel
        if (text.equals(replies.text("button.cancel")) || Slots.CANCEL.matcher(text).find()
                && (reading.kind() == null || !text.contains("算了") || understanding.onlyGivesUp(text))) {
            return reply(replies.text("flow.cancelled"), List.of(), state.withFlow(null).withHint(null));
        }
        if (f.awaiting() == Awaiting.CONFIRM && (Slots.CONFIRM.matcher(text).matches() || text.equals(replies.text("button.confirm")))) {
            return create(turn, state, f);
        }
        // Whatever the step, take every detail the message gives; a new kind or reason replaces the old one.
        Boolean said = f.awaiting() == Awaiting.UNUSED ? unusedAnswer(text, reading) : reading.unused();
        if (f.awaiting() == Awaiting.UNUSED && said == null) {
            return ask(replies.text("flow.ask.unused"), replies.list("flow.ask.unused.quick"), state, f);
        }
        // Choosing an order names an item ("B-17 红富士苹果 5斤"), not a new problem: details only fill gaps then.
        boolean choosing = f.awaiting() == Awaiting.ORDER;
        ClaimKind kind = reading.kind() != null && !(choosing && f.kind() != null) ? reading.kind() : f.kind();
        ClaimReason reason = reading.reason() != null && !(choosing && f.reason() != null) ? reading.reason() : f.reason();
        Flow merged = new Flow(f.visit(), choosing ? null : f.orderId(), choosing ? null : f.sku(), kind, reason, f.share(),
                said != null ? said : f.unused(), f.evidence(), f.awaiting());
        return advance(turn, state, merged, tools.myOrders(turn.customerId()));
    }

    /**
     * A request filled in elsewhere (the LLM mode's tools), taken up exactly as if it had been filled in
     * here: what is still missing is asked, a request is shown with the policy decision and waits for the
     * shopper's confirmation, a visit is booked.
     */
    public TurnResult propose(Turn turn, DialogState state, Flow request) {
        return advance(turn, state, request, tools.myOrders(turn.customerId()));
    }

    /**
     * A claim as this flow settles it for this order (the reason its category knows and its delivery
     * allows, the kind the category allows), so that a decision computed elsewhere is the one the
     * confirmation will show.
     */
    public static Claim settled(Claim c, Order order) {
        ClaimReason reason = Slots.forOrder(c.reason(), order, OffsetDateTime.now());
        return new Claim(c.orderId(), c.sku(), normaliseKind(c.kind(), reason, order.category()), reason, c.share(), c.evidence(),
                c.unused());
    }

    /** The answer to "not used yet?": our own quick replies, a bare yes or no, or what the message says. */
    private Boolean unusedAnswer(String text, Reading reading) {
        List<String> quick = replies.list("flow.ask.unused.quick");
        if (text.equals(quick.get(0))) {
            return true;
        }
        if (quick.size() > 1 && text.equals(quick.get(1))) {
            return false;
        }
        Boolean bare = Slots.bareUnused(text);
        return bare != null ? bare : reading.unused();
    }

    /** @param orders the shopper's orders, read once per turn */
    private TurnResult advance(Turn turn, DialogState state, Flow f, List<Order> orders) {
        if (f.orderId() == null) {
            ItemMatcher.Match m = understanding.items(turn.text(), orders, f.reason());
            // an order number that is not the shopper's is never guessed around: they choose from their own
            ItemMatcher.Candidate only = m.unknownOrder() == null ? m.only() : null;
            if (only == null) {
                if (orders.isEmpty()) {
                    return reply(replies.text("flow.no.orders"), List.of(replies.text("button.human")), state.withFlow(null));
                }
                String question = m.unknownOrder() != null ? replies.text("flow.unknown.order", Map.of("order", m.unknownOrder()))
                        : replies.text("flow.ask.order");
                List<ItemMatcher.Candidate> offered = m.candidates().size() > 1 ? m.candidates() : all(orders);
                return ask(question, offered.stream().map(c -> c.order().orderId() + " " + c.item().name()).limit(MAX_ORDER_CHOICES)
                        .toList(), state, f.with(Awaiting.ORDER));
            }
            f = new Flow(f.visit(), only.order().orderId(), only.item().sku(), f.kind(), f.reason(), f.share(), f.unused(), f.evidence(),
                    null);
        }
        Optional<Order> found = tools.order(turn.customerId(), f.orderId());
        if (found.isEmpty()) { // the order disappeared from the order system meanwhile
            return reply(replies.text("flow.unknown.order", Map.of("order", f.orderId())), List.of(replies.text("button.human")), state.withFlow(null));
        }
        Order order = found.get();
        Order.Item item = order.item(f.sku()).orElse(order.items().isEmpty() ? null : order.items().get(0));
        if (item == null) { // an order system may list an order without lines
            return reply(replies.text("flow.unknown.order", Map.of("order", f.orderId())), List.of(replies.text("button.human")), state.withFlow(null));
        }
        if (f.visit() != null) {
            return bookVisit(turn, state, f, order, item);
        }
        String category = order.category();
        ClaimReason reason = f.reason() != null ? Slots.forOrder(f.reason(), order, OffsetDateTime.now())
                : Slots.implied(f.kind(), f.unused(), category);
        if (reason == null) {
            return ask(replies.text("flow.ask.reason"), replies.list("flow.ask.reason." + category), state, f.with(Awaiting.REASON),
                    item);
        }
        ClaimKind kind = normaliseKind(f.kind(), reason, category);
        if (kind == null) {
            return ask(replies.text("flow.ask.kind"), replies.list("flow.ask.kind." + category), state,
                    withReason(f, reason).with(Awaiting.KIND), item);
        }
        f = new Flow(null, f.orderId(), f.sku(), kind, reason, f.share(), f.unused(), f.evidence(), null);
        Optional<AfterSalesOrder> standing = tools.standing(turn.customerId(), claim(f));
        if (standing.isPresent()) {
            return reply(replies.text("flow.duplicate", Map.of("id", standing.get().id, "status", standing.get().status.label)),
                    List.of(replies.text("button.status")), state.withFlow(null).withHint(null)).withForm(form(f, item, null));
        }
        Decision d = tools.checkEligibility(turn.customerId(), claim(f)).decision();
        // Ask whether the goods are unused only when it can change the answer.
        if (reason == ClaimReason.NO_REASON && f.unused() == null && d.outcome() != Decision.Outcome.REJECTED) {
            return ask(replies.text("flow.ask.unused"), replies.list("flow.ask.unused.quick"), state, f.with(Awaiting.UNUSED), item);
        }
        Flow decided = f;
        TurnResult result = switch (d.outcome()) {
            case NEEDS_EVIDENCE -> ask(d.reason(), List.of(replies.text("button.cancel")), state, decided.with(Awaiting.EVIDENCE), item);
            case REJECTED -> reply(d.reason() + "\n" + replies.text("flow.rejected.offer"), List.of(replies.text("button.human")),
                    state.withFlow(null).withHint(null));
            case APPROVED, REVIEW -> ask(replies.text(reason == ClaimReason.PRICE_DROP ? "flow.confirm.price" : "flow.confirm",
                    Map.of("order", order.orderId(), "item", item.name(), "kind", kind.label, "reason", reason.label,
                            "amount", d.amount().toPlainString(), "decision", d.reason())),
                    confirmChoices(kind, reason, category), state, decided.with(Awaiting.CONFIRM), item);
        };
        return result.handoff() != null ? result : result.withForm(formOf(decided, d, item));
    }

    private static Form formOf(Flow f, Decision d, Order.Item item) {
        String step = switch (d.outcome()) {
            case NEEDS_EVIDENCE -> "evidence";
            case APPROVED, REVIEW -> "confirm";
            case REJECTED -> null;
        };
        return new Form(f.orderId(), f.sku(), item.name(), f.kind(), f.reason(), f.unused(), null, step, d);
    }

    private static Form form(Flow f, Order.Item item, String step) {
        return new Form(f.orderId(), f.sku(), item == null ? null : item.name(), f.kind(), f.reason(), f.unused(), f.visit(), step,
                null);
    }

    private static List<ItemMatcher.Candidate> all(List<Order> orders) {
        return orders.stream().flatMap(o -> o.items().stream().map(i -> new ItemMatcher.Candidate(o, i))).toList();
    }

    private TurnResult create(Turn turn, DialogState state, Flow f) {
        Claim claim = claim(f);
        Optional<AfterSalesService.Created> created = tools.createAfterSales(turn.customerId(), claim, turn.conversationId());
        DialogState done = state.withFlow(null).withHint(null);
        if (created.isEmpty()) { // the policy or order changed since the confirmation question
            Decision d = tools.checkEligibility(turn.customerId(), claim).decision();
            return reply(d.reason() + "\n" + replies.text("flow.rejected.offer"), List.of(replies.text("button.human")), done);
        }
        var a = created.get().order();
        if (created.get().duplicate()) {
            return reply(replies.text("flow.duplicate", Map.of("id", a.id, "status", a.status.label)), List.of(replies.text("button.status")), done);
        }
        boolean review = a.status == shop.kefu.aftersales.AfterSalesStatus.UNDER_REVIEW;
        String kind = f.reason() == ClaimReason.PRICE_DROP ? replies.text("flow.kind.price") : f.kind().label;
        String text = replies.text(review ? "flow.created.review" : "flow.created", Map.of("id", a.id, "kind", kind,
                "amount", a.amount.toPlainString()));
        TurnResult r = new TurnResult(text, 1.0, List.of(), List.of(replies.text("button.status")), List.of(ReplyAction.aftersalesCreated(a.id, a.kind)),
                null, done.json()).on(TurnPath.AFTERSALES);
        return review ? r.withHandoff(HandoffReason.POLICY) : r;
    }

    private TurnResult bookVisit(Turn turn, DialogState state, Flow f, Order order, Order.Item item) {
        if ("fresh".equals(order.category())) {
            return reply(replies.text("flow.visit.fresh"), List.of(), state.withFlow(null));
        }
        if ("repair".equals(f.visit())) { // a repair past the warranty is paid: a person quotes it, the bot books none
            Decision cover = tools.repairCover(order, item);
            if (cover.outcome() == Decision.Outcome.REJECTED) {
                String next = PAID_REPAIR_RULES.contains(cover.rule()) ? "flow.visit.paid" : "flow.rejected.offer";
                return reply(cover.reason() + "\n" + replies.text(next), List.of(replies.text("button.human")), state.withFlow(null))
                        .withForm(new Form(order.orderId(), item.sku(), item.name(), null, null, null, f.visit(), null, cover));
            }
        }
        Optional<ServiceVisit> v = tools.bookVisit(turn.customerId(), order.orderId(), f.visit(), turn.typed()); // in the shopper's words
        return reply(replies.text("flow.visit.booked", Map.of("id", v.map(x -> x.id).orElse("-"), "order", order.orderId(),
                "kind", "install".equals(f.visit()) ? "安装" : "维修")), List.of(), state.withFlow(null)).withForm(form(f, item, null));
    }

    /** Fresh goods are never sent back: a return is a refund, a replacement a reship. Defaults per category. */
    static ClaimKind normaliseKind(ClaimKind kind, ClaimReason reason, String category) {
        if ("fresh".equals(category)) {
            if (kind == ClaimKind.RETURN || kind == null) {
                return reason == ClaimReason.MISSING && kind == null ? ClaimKind.RESHIP : ClaimKind.REFUND;
            }
            return kind == ClaimKind.REPLACEMENT ? ClaimKind.RESHIP : kind;
        }
        if (reason == ClaimReason.PRICE_DROP) {
            return ClaimKind.REFUND;
        }
        if (kind == ClaimKind.REFUND) {
            return ClaimKind.RETURN; // appliances and furniture are refunded on return
        }
        if (kind == null && reason == ClaimReason.NO_REASON && "appliance".equals(category)) {
            return ClaimKind.RETURN;
        }
        return kind;
    }

    /**
     * Confirm, cancel, and the other kinds of the category; price protection only refunds the difference
     * (the goods stay with the shopper), so a return or an exchange is no alternative to it.
     */
    private List<String> confirmChoices(ClaimKind kind, ClaimReason reason, String category) {
        List<String> other = reason == ClaimReason.PRICE_DROP ? List.of() : replies.list("flow.ask.kind." + category).stream()
                .filter(k -> !k.equals(kind.label)).map(k -> replies.text("button.change", Map.of("kind", k))).toList();
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(replies.text("button.confirm")),
                java.util.stream.Stream.concat(other.stream(), java.util.stream.Stream.of(replies.text("button.cancel")))).toList();
    }

    private static Flow withReason(Flow f, ClaimReason r) {
        return new Flow(f.visit(), f.orderId(), f.sku(), f.kind(), r, f.share(), f.unused(), f.evidence(), f.awaiting());
    }

    /** The claim as filled in; an unanswered "unused?" counts as unused, so only that answer can refuse it. */
    private static Claim claim(Flow f) {
        return new Claim(f.orderId(), f.sku(), f.kind(), f.reason(), f.share() == null ? 1 : f.share(), f.evidence(),
                !Boolean.FALSE.equals(f.unused()));
    }

    /**
     * Asks for the next detail. Asking for the same detail a third time in a row means the bot is not
     * getting it: a person takes over ({@code repeated_failure}).
     */
    private TurnResult ask(String text, List<String> quick, DialogState state, Flow f) {
        return ask(text, quick, state, f, null);
    }

    /** As above; the reply carries the request as understood so far, with the step it asks for. */
    private TurnResult ask(String text, List<String> quick, DialogState state, Flow f, Order.Item item) {
        Flow before = state.flow(); // the flow as it stood before this turn
        int retries = before != null && before.awaiting() == f.awaiting() ? before.retries() + 1 : 0;
        if (retries >= MAX_RETRIES) {
            return new TurnResult(replies.text("flow.repeated.failure"), 1.0, List.of(), List.of(), List.of(),
                    HandoffReason.REPEATED_FAILURE, state.withFlow(null).json()).on(TurnPath.AFTERSALES);
        }
        String step = f.awaiting() == null ? null : f.awaiting().name().toLowerCase(java.util.Locale.ROOT);
        return new TurnResult(text, 1.0, List.of(), quick, List.of(), null, state.withFlow(f.withRetries(retries)).json(),
                form(f, item, step)).on(TurnPath.AFTERSALES);
    }

    private static TurnResult reply(String text, List<String> quick, DialogState next) {
        return new TurnResult(text, 1.0, List.of(), quick, List.of(), null, next.json()).on(TurnPath.AFTERSALES);
    }
}
