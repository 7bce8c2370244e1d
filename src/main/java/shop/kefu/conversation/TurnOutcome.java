package shop.kefu.conversation;

import java.util.Locale;

/**
 * What the bot did with a shopper's message, stored on the event that says it ({@code chat_event.outcome})
 * so the managers' report counts turns through an index instead of parsing every reply: it answered, it
 * asked which topic was meant, or it handed the conversation to a human.
 */
public enum TurnOutcome {
    ANSWER, CLARIFY, HANDOFF;

    /**
     * A bot reply that hands nothing off. A clarifying question is the one reply that offers topics to pick
     * without citing an article at a confidence below the answer threshold; after-sales, status and small-talk
     * replies are sure (1.0), and answers from an article cite it.
     */
    public static TurnOutcome ofReply(ServerEvent.Reply reply, double answerThreshold) {
        return reply.citations().isEmpty() && !reply.quickReplies().isEmpty() && reply.confidence() < answerThreshold
                ? CLARIFY : ANSWER;
    }

    /** The outcome an event appended on the JPA path carries: only handoff events have one there. */
    static TurnOutcome ofEvent(ServerEvent.Logged event) {
        return event instanceof ServerEvent.Handoff ? HANDOFF : null;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
