package shop.kefu.dialog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import shop.kefu.knowledge.ArticleData;
import shop.kefu.knowledge.KnowledgeConfig;
import shop.kefu.knowledge.KnowledgeIndex;
import shop.kefu.policy.ClaimReason;
import shop.kefu.understanding.ItemMatcher;
import shop.kefu.understanding.Reading;
import shop.kefu.understanding.Understanding;

/**
 * Replies from the knowledge base, by confidence: sure answers cite their article; answers that lead
 * clearly but are not sure also offer the next articles ("您是不是想问"); unsure ones ask which topic
 * was meant; two unsure turns in a row, or nothing close, go to a human. An answer about a problem
 * offers after-sales, for the shopper's own item when the message named one.
 */
@ApplicationScoped
public class Answers {

    private static final int SUGGESTIONS = 2;

    @Inject
    Replies replies;
    @Inject
    KnowledgeConfig config;
    @Inject
    NextSteps nextSteps;
    @Inject
    Understanding understanding;

    public boolean confident(KnowledgeIndex.Result result) {
        return config.action(result) == KnowledgeConfig.Action.ANSWER;
    }

    /**
     * A problem stated without asking for anything ("螃蟹到了不动了") starts the request, and when an
     * article is sure to be about it, its advice comes first: the crabs may only be dormant.
     */
    public TurnResult withAdvice(TurnResult request, KnowledgeIndex.Result found, Reading reading) {
        return reading.kind() != null || found.confidence() < config.sureThreshold() ? request : after(found, request);
    }

    /** A request that asks which order, after the answer to the question when an article answers it confidently. */
    public TurnResult withAnswer(TurnResult request, KnowledgeIndex.Result found) {
        return confident(found) ? after(found, request) : request;
    }

    /** The request, preceded by the best article's answer, which it cites. */
    private static TurnResult after(KnowledgeIndex.Result found, TurnResult request) {
        if (found.top() == null || request.handoff() != null) {
            return request;
        }
        ArticleData a = found.top().article();
        return new TurnResult(plain(a.answer()) + "\n" + request.text(), found.confidence(), List.of(new Citation(a.id(), a.title())),
                request.quickReplies(), request.actions(), null, request.dialogState(), request.form(), request.path());
    }

    /** The reply with a sentence before it. */
    public TurnResult prefixed(String sentence, TurnResult r) {
        return new TurnResult(sentence + r.text(), r.confidence(), r.citations(), r.quickReplies(), r.actions(), r.handoff(),
                r.dialogState(), r.form(), r.path());
    }

    /** @param item the shopper's order line the message is about, or null */
    public TurnResult answer(KnowledgeIndex.Result result, DialogState state, Reading reading, ItemMatcher.Candidate item) {
        double confidence = result.confidence();
        if (confident(result)) {
            ArticleData a = result.top().article();
            NextSteps.Step next = nextSteps.after(a, item);
            StringBuilder text = new StringBuilder(plain(a.answer()));
            List<String> quick = new ArrayList<>();
            if (next != null) {
                text.append('\n').append(next.question());
                quick.addAll(next.quickReplies());
            }
            List<String> others = confidence < config.sureThreshold() ? result.hits().stream().skip(1).limit(SUGGESTIONS)
                    .map(h -> h.article().title()).toList() : List.of();
            if (!others.isEmpty()) {
                text.append('\n').append(replies.text("suggest"));
                quick.addAll(others);
            }
            // remember the problem (and the item) the answer is about, so "申请退款" right after needs no re-telling
            ClaimReason hint = next == null ? null : reading.reason() != null ? reading.reason()
                    : understanding.lexiconReason(a.title() + " " + String.join(" ", a.tags()));
            DialogState after = item == null ? DialogState.FRESH.withHint(hint)
                    : DialogState.FRESH.withHint(hint, item.order().orderId(), item.item().sku());
            return new TurnResult(text.toString(), confidence, List.of(new Citation(a.id(), a.title())), quick, List.of(), null,
                    after.json()).on(TurnPath.FAQ);
        }
        DialogState failed = state.failed();
        if (config.action(result) == KnowledgeConfig.Action.HANDOFF) {
            return new TurnResult(replies.text("handoff.nothing.close"), confidence, List.of(), List.of(), List.of(),
                    HandoffReason.LOW_CONFIDENCE, failed.json()).on(TurnPath.HANDOFF);
        }
        if (failed.failedTurns() >= 2) {
            return new TurnResult(replies.text("handoff.low.confidence"), confidence, List.of(), List.of(), List.of(),
                    HandoffReason.LOW_CONFIDENCE, failed.json()).on(TurnPath.HANDOFF);
        }
        List<String> topics = new ArrayList<>(result.hits().stream().map(h -> h.article().title()).toList());
        if (item != null && reading.reason() != null) { // a problem with the shopper's item: after-sales is one of the choices
            topics.add(replies.list("next." + item.order().category() + ".problem.quick").get(0));
            failed = new DialogState(failed.failedTurns(), null, reading.reason(), item.order().orderId(), item.item().sku());
        }
        return new TurnResult(replies.text("clarify"), confidence, List.of(), topics, List.of(), null, failed.json()).on(TurnPath.CLARIFY);
    }

    /** Answers are written in light Markdown; chat bubbles show plain text. */
    static String plain(String markdown) {
        return markdown.replace("**", "").replace("__", "").strip();
    }
}
