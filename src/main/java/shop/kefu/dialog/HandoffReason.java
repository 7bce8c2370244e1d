package shop.kefu.dialog;

import java.util.Locale;

/** Why a conversation went to the human queue (the contract's handoff reasons). */
public enum HandoffReason {
    LOW_CONFIDENCE, REQUESTED, POLICY, NEGATIVE_SENTIMENT, REPEATED_FAILURE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
