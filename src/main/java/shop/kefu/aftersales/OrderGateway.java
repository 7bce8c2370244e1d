package shop.kefu.aftersales;

import java.util.List;
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
}
