package shop.kefu.policy;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * What the policy grants for a late delivery: a coupon of {@code amount}, a free-shipping voucher, or
 * nothing. {@code rule} names the policy key that decided it; {@code reason} says it in plain Chinese.
 */
public record Compensation(Kind kind, BigDecimal amount, String rule, String reason) {

    public enum Kind {
        COUPON, FREE_SHIPPING, NONE;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
