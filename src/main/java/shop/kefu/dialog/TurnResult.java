package shop.kefu.dialog;

import java.util.List;

/**
 * What an engine decided to say. Engines only say; tools and the policy engine decide what is allowed.
 *
 * @param handoff     non-null to put the conversation in the human queue after this reply
 * @param dialogState the engine's state to keep for the next turn (JSON), or null to reset
 * @param form        the after-sales request or visit this reply is about, for the client's card; or null
 * @param path        which part of the bot answered (metrics only), or null when none said
 */
public record TurnResult(String text, double confidence, List<Citation> citations, List<String> quickReplies,
        List<ReplyAction> actions, HandoffReason handoff, String dialogState, Form form, TurnPath path) {

    public TurnResult {
        citations = citations == null ? List.of() : List.copyOf(citations);
        quickReplies = quickReplies == null ? List.of() : List.copyOf(quickReplies);
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    public TurnResult(String text, double confidence, List<Citation> citations, List<String> quickReplies,
            List<ReplyAction> actions, HandoffReason handoff, String dialogState, Form form) {
        this(text, confidence, citations, quickReplies, actions, handoff, dialogState, form, null);
    }

    public TurnResult(String text, double confidence, List<Citation> citations, List<String> quickReplies,
            List<ReplyAction> actions, HandoffReason handoff, String dialogState) {
        this(text, confidence, citations, quickReplies, actions, handoff, dialogState, null, null);
    }

    public static TurnResult say(String text, double confidence) {
        return new TurnResult(text, confidence, List.of(), List.of(), List.of(), null, null);
    }

    public TurnResult withHandoff(HandoffReason reason) {
        return new TurnResult(text, confidence, citations, quickReplies, actions, reason, dialogState, form, path);
    }

    public TurnResult withState(String state) {
        return new TurnResult(text, confidence, citations, quickReplies, actions, handoff, state, form, path);
    }

    public TurnResult withForm(Form f) {
        return new TurnResult(text, confidence, citations, quickReplies, actions, handoff, dialogState, f, path);
    }

    /** The same reply, as answered by the given path. */
    public TurnResult on(TurnPath p) {
        return new TurnResult(text, confidence, citations, quickReplies, actions, handoff, dialogState, form, p);
    }
}
