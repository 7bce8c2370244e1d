package shop.kefu.dialog;

import java.util.Locale;

import shop.kefu.policy.ClaimKind;
import shop.kefu.policy.ClaimReason;
import shop.kefu.policy.Decision;

/**
 * The after-sales request or visit a reply is about, as the client shows it (an order card) and as
 * agents see it: what the bot has understood so far, the step it is asking about, and the policy
 * decision when the reply states one. Sent as the reply's {@code aftersales} and {@code decision}.
 *
 * @param step what the bot asks for next (order, reason, kind, unused, evidence, confirm), or null
 */
public record Form(String orderId, String sku, String item, ClaimKind kind, ClaimReason reason, Boolean unused, String visit,
        String step, Decision decision) {

    public String kindWire() {
        return kind == null ? null : kind.wire();
    }

    public String reasonWire() {
        return reason == null ? null : reason.name().toLowerCase(Locale.ROOT);
    }
}
