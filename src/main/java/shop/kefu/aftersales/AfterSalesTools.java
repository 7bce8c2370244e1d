package shop.kefu.aftersales;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import shop.kefu.policy.Decision;
import shop.kefu.policy.OrderFacts;
import shop.kefu.policy.PolicyService;

/**
 * The actions a bot may take for a shopper: the embedded engine and the LLM engine call these, always
 * with the authenticated customer of the conversation, never with an id taken from chat text alone.
 */
@ApplicationScoped
public class AfterSalesTools {

    private static final int RECENT = 20;

    @Inject
    OrderGateway orders;
    @Inject
    AfterSalesService aftersales;
    @Inject
    PolicyService policy;

    public List<Order> myOrders(String customerId) {
        return orders.ordersOf(customerId);
    }

    /**
     * The customer's orders as context for understanding a message, kept for a few seconds: most turns
     * of a chat ask for them, and each ask is a query (or a call to the shop's order system). Requests
     * themselves use {@link #myOrders} and {@link #order}, which always ask.
     */
    public List<Order> recentOrders(String customerId) {
        long now = System.nanoTime();
        synchronized (context) {
            Context c = context.get(customerId);
            if (c != null && now - c.at() < CONTEXT_NANOS) {
                return c.orders();
            }
        }
        List<Order> fresh = myOrders(customerId);
        synchronized (context) {
            context.put(customerId, new Context(fresh, now));
        }
        return fresh;
    }

    private static final long CONTEXT_NANOS = 10_000_000_000L;
    private static final int CONTEXT_CUSTOMERS = 10_000;

    private record Context(List<Order> orders, long at) {
    }

    private final java.util.Map<String, Context> context = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, Context> eldest) {
            return size() > CONTEXT_CUSTOMERS;
        }
    };

    /** The order if it is this customer's; someone else's order is reported exactly like a missing one. */
    public Optional<Order> order(String customerId, String orderId) {
        return orders.find(customerId, orderId);
    }

    public AfterSalesService.Evaluation checkEligibility(String customerId, Claim claim) {
        return aftersales.evaluate(customerId, claim);
    }

    public Optional<AfterSalesService.Created> createAfterSales(String customerId, Claim claim, String conversationId) {
        return aftersales.create(customerId, claim, conversationId, "bot");
    }

    /** The standing after-sales order for the same item and reason, if the customer already has one. */
    public Optional<AfterSalesOrder> standing(String customerId, Claim claim) {
        return aftersales.standing(customerId, claim);
    }

    /** The customer's most recent after-sales orders: the bot mentions a few, never a whole history. */
    public List<AfterSalesOrder> myAfterSales(String customerId) {
        return aftersales.recent(customerId, RECENT);
    }

    /** Whether a repair of the item is free (warranty or quality period). The order is one already read as the customer's. */
    public Decision repairCover(Order order, Order.Item item) {
        return policy.repairCover(new OrderFacts(order.category(), order.deliveredAt(), item.custom(), item.paid(), BigDecimal.ZERO));
    }

    /** Records an installation or repair visit request; a technician calls to fix the time. */
    public Optional<ServiceVisit> bookVisit(String customerId, String orderId, String kind, String note) {
        if (orders.find(customerId, orderId).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(QuarkusTransaction.requiringNew().call(() -> {
            ServiceVisit v = new ServiceVisit();
            v.id = "SV" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            v.customerId = customerId;
            v.orderId = orderId;
            v.kind = kind;
            v.note = note == null ? null : note.substring(0, Math.min(1000, note.length()));
            v.status = "requested";
            v.createdAt = OffsetDateTime.now();
            v.persist();
            return v;
        }));
    }
}
