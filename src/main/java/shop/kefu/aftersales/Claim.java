package shop.kefu.aftersales;

import java.util.List;

import shop.kefu.policy.ClaimKind;
import shop.kefu.policy.ClaimReason;

/**
 * An after-sales request as the bot (or an LLM tool call, or an agent) proposes it. Proposing grants
 * nothing: {@link AfterSalesService} checks ownership and asks the policy engine.
 *
 * @param share    part of the item concerned, 0 < share ≤ 1 (e.g. 0.5 for "烂了一半")
 * @param evidence attachment ids
 * @param unused   the shopper says the goods are unused with packaging intact
 * @param compensation the amount an agent grants, for {@link ClaimReason#GOODWILL} only
 * @param carrierReported the carrier reported the damage (a proactive claim): no photo is needed
 */
public record Claim(String orderId, String sku, ClaimKind kind, ClaimReason reason, double share, List<String> evidence,
        boolean unused, java.math.BigDecimal compensation, boolean carrierReported) {

    public Claim(String orderId, String sku, ClaimKind kind, ClaimReason reason, double share, List<String> evidence, boolean unused) {
        this(orderId, sku, kind, reason, share, evidence, unused, null, false);
    }

    public Claim(String orderId, String sku, ClaimKind kind, ClaimReason reason, double share, List<String> evidence, boolean unused,
            java.math.BigDecimal compensation) {
        this(orderId, sku, kind, reason, share, evidence, unused, compensation, false);
    }

    /** A claim for damage the carrier reported: the evidence requirement is waived. */
    public static Claim carrierReported(String orderId, String sku, ClaimKind kind, ClaimReason reason) {
        return new Claim(orderId, sku, kind, reason, 1, List.of(), true, null, true);
    }


    public Claim {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        if (!(share > 0 && share <= 1)) {
            share = 1;
        }
    }
}
