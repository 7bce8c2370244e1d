package shop.kefu.aftersales;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where orders come from: the built-in store, or the shop's order system over HTTP. Both answer only
 * for the given customer: another customer's order is indistinguishable from one that does not exist.
 */
public interface OrderGateway {

    /** The customer's orders, newest first. */
    List<Order> ordersOf(String customerId);

    /** The order, if it exists and belongs to the customer. */
    Optional<Order> find(String customerId, String orderId);

    /**
     * Cancels the customer's order if it has not been delivered yet (the shopper chose not to wait for a
     * late delivery). False when it cannot be cancelled: delivered, already cancelled, not the customer's,
     * or an order system that does not take cancellations from this service.
     */
    default boolean cancel(String customerId, String orderId) {
        return false;
    }

    /**
     * The category of each order (keyed by order id, each with its customer), for reports over many
     * orders; an order not found is left out. One lookup per order unless the store can do better.
     */
    default Map<String, String> categories(Map<String, String> customerByOrder) {
        Map<String, String> out = new HashMap<>();
        customerByOrder.forEach((order, customer) -> find(customer, order).ifPresent(o -> out.put(order, o.category())));
        return out;
    }
}
