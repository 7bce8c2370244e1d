package shop.kefu.dialog;

import java.util.Locale;

/**
 * Which part of the bot answered a turn, for the service's metrics: a fixed, small set, so that a
 * dashboard can show what share of turns each path takes and how fast it is.
 */
public enum TurnPath {
    /** An answer from a knowledge-base article. */
    FAQ,
    /** Not sure enough to answer: asked which topic was meant. */
    CLARIFY,
    /** The after-sales flow: a request or visit being filled in, confirmed or refused. */
    AFTERSALES,
    /** The shopper's orders or after-sales orders. */
    STATUS,
    /** Straight to a person: asked for one, upset, or nothing in the knowledge base came close. */
    HANDOFF,
    /** Greetings and thanks. */
    SMALL_TALK,
    /** The notice that personal data (masked on arrival) is not needed. */
    PRIVACY,
    /** LLM mode: the model answered. */
    LLM,
    /** LLM mode: the model was slow, busy, failing or guarded against, and the embedded engine answered. */
    FALLBACK,
    /** The engine failed: an apology and a handoff. */
    ERROR;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
