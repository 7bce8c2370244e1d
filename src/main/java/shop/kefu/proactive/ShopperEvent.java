package shop.kefu.proactive;

import java.time.OffsetDateTime;

/**
 * An event of the shop's order system about one order of one shopper (POST /api/events, docs/api.md).
 * Which fields an event needs depends on its type; {@link EventRules} checks them and names the field
 * that is wrong.
 *
 * @param promisedBy   delivery_delayed: the end of the delivery window promised at the order
 * @param newWindow    delivery_delayed: the new delivery window
 * @param cause        delivery_delayed: why, in the shopper's words (optional, e.g. "暴雪封路")
 * @param exception    delivery_exception: damaged, lost or cold_chain_broken
 * @param sku          delivery_exception: the item concerned (required when the order has several)
 * @param aftersalesId case_updated: the after-sales case
 * @param status       case_updated: pickup_scheduled, received, refunded, replacement_shipped or closed
 */
public record ShopperEvent(String eventId, String type, String orderId, String customerId, OffsetDateTime promisedBy,
        Window newWindow, String cause, String exception, String sku, String aftersalesId, String status) {

    public record Window(OffsetDateTime from, OffsetDateTime to) {
    }
}
