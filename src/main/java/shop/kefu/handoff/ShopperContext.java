package shop.kefu.handoff;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import shop.kefu.aftersales.AfterSalesService;
import shop.kefu.aftersales.Order;
import shop.kefu.aftersales.OrderGateway;
import shop.kefu.common.PageRequest;
import shop.kefu.conversation.Conversation;
import shop.kefu.policy.Deadlines;
import shop.kefu.policy.Policy;
import shop.kefu.policy.PolicyService;

/**
 * What an agent sees beside a conversation about its shopper: orders as cards (with price, delivery and
 * until when each after-sales path stays open), the shopper's after-sales cases and earlier
 * conversations. Read for a conversation the agent may open, so it shows only that shopper's data.
 */
@ApplicationScoped
public class ShopperContext {

    /** Cases and earlier conversations shown; the card is a glance, the full lists live elsewhere. */
    private static final int RECENT = 20;

    @Inject
    OrderGateway orders;
    @Inject
    PolicyService policy;
    @Inject
    AfterSalesService aftersales;

    public record Context(String customerId, List<OrderCard> orders, List<Case> cases, List<Earlier> earlier) {
    }

    /** An order item with what one line of the card shows: its price and whether it is made to order. */
    public record Item(String sku, String name, int qty, BigDecimal price, boolean custom) {
    }

    /** Windows are those of the order's category (the engine's {@link Deadlines}), as of now. */
    public record OrderCard(String orderId, String category, String status, OffsetDateTime deliveredAt, BigDecimal total,
            List<Item> items, List<Deadlines.Deadline> windows) {
    }

    public record Case(String id, String orderId, String item, String kind, String reason, BigDecimal amount, String status,
            String statusLabel, OffsetDateTime createdAt) {
    }

    public record Earlier(String conversationId, OffsetDateTime createdAt, String state, String agentName, Integer rating) {
    }

    public Context of(String customerId, String conversationId) {
        Policy p = policy.current();
        OffsetDateTime now = OffsetDateTime.now();
        List<OrderCard> cards = orders.ordersOf(customerId).stream().map(o -> card(o, p, now)).toList();
        List<Case> cases = aftersales.of(customerId, new PageRequest(RECENT, null)).items().stream()
                .map(a -> new Case(a.id, a.orderId, a.itemName, a.kind, a.reason, a.amount, a.status.name().toLowerCase(), a.status.label,
                        a.createdAt))
                .toList();
        List<Earlier> earlier = QuarkusTransaction.requiringNew().call(() -> Conversation.<Conversation> find(
                "customerId = ?1 and id <> ?2 order by createdAt desc", customerId, conversationId).range(0, RECENT - 1).list().stream()
                .map(c -> new Earlier(c.id, c.createdAt, c.state.name(), c.agentName, c.rating)).toList());
        return new Context(customerId, cards, cases, earlier);
    }

    private static OrderCard card(Order o, Policy p, OffsetDateTime now) {
        boolean custom = o.items().stream().anyMatch(Order.Item::custom);
        BigDecimal total = o.items().stream().map(Order.Item::paid).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new OrderCard(o.orderId(), o.category(), o.status(), o.deliveredAt(), total,
                o.items().stream().map(i -> new Item(i.sku(), i.name(), i.qty(), i.price(), i.custom())).toList(),
                Deadlines.of(p, o.category(), o.deliveredAt(), custom, now));
    }
}
