package shop.kefu.policy;

import java.util.Locale;

/** What the shopper asks for (the contract's after-sales kinds). */
public enum ClaimKind {
    RETURN("退货"), REPLACEMENT("换货"), REFUND("退款"), RESHIP("补发");

    public final String label;

    ClaimKind(String label) {
        this.label = label;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
