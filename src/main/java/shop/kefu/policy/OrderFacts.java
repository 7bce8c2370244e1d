package shop.kefu.policy;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * What the policy needs to know of the order item.
 *
 * @param deliveredAt     when the shopper signed for it; null if not delivered yet
 * @param paid            what was paid for the item (all units)
 * @param alreadyClaimed  value of earlier after-sales orders on the item that were not rejected: the money
 *                        granted, and for a replacement or reship that grants none, the item's value
 */
public record OrderFacts(String category, OffsetDateTime deliveredAt, boolean custom, BigDecimal paid, BigDecimal alreadyClaimed) {
}
