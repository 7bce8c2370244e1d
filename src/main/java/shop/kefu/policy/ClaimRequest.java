package shop.kefu.policy;

import java.math.BigDecimal;

/**
 * What the shopper asks for, about one order item.
 *
 * @param evidenceCount   photos attached as evidence
 * @param unused          the shopper says the goods are unused with packaging intact (no-reason returns)
 * @param amount          value of the claim (item price × quantity concerned, or the price difference)
 * @param carrierReported the carrier itself reported the damage (a broken cold chain, goods damaged on the
 *                        way): the shop's own record is the evidence, so no photo is asked for
 */
public record ClaimRequest(ClaimKind kind, ClaimReason reason, int evidenceCount, boolean unused, BigDecimal amount,
        boolean carrierReported) {

    public ClaimRequest(ClaimKind kind, ClaimReason reason, int evidenceCount, boolean unused, BigDecimal amount) {
        this(kind, reason, evidenceCount, unused, amount, false);
    }
}
