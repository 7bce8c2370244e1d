package shop.kefu.dialog;

import java.util.Locale;

/** Why a conversation went to the human queue (the contract's handoff reasons). */
public enum HandoffReason {
    LOW_CONFIDENCE, REQUESTED, POLICY, NEGATIVE_SENTIMENT, REPEATED_FAILURE,
    /** A follow-up visit (回访) was answered with a bad rating: a person takes the case up again. */
    BAD_RATING;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
