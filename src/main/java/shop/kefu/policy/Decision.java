package shop.kefu.policy;

import java.math.BigDecimal;

/**
 * The policy engine's answer. {@code rule} names the rule (a key of the policy file or a fixed rule);
 * {@code reason} says it in plain Chinese, with the window, for shopper and agent alike.
 *
 * @param amount the most that may be refunded or compensated (0 for exchanges and repairs of no cost)
 */
public record Decision(Outcome outcome, String rule, String reason, BigDecimal amount) {

    public enum Outcome {
        /** Granted now, within frontline authority. */
        APPROVED,
        /** Eligible, but a person must review it (e.g. a large fresh claim). */
        REVIEW,
        /** Eligible once a photo is provided. */
        NEEDS_EVIDENCE,
        /** Not eligible; the reason says why and what else is possible. */
        REJECTED
    }

    public boolean allowsCreation() {
        return outcome == Outcome.APPROVED || outcome == Outcome.REVIEW;
    }
}
