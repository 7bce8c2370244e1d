package shop.kefu.dialog;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;

import shop.kefu.knowledge.ArticleData;
import shop.kefu.knowledge.KnowledgeBase;
import shop.kefu.knowledge.KnowledgeConfig;
import shop.kefu.knowledge.KnowledgeIndex;
import shop.kefu.policy.ClaimReason;

/**
 * The default engine, fully in-process. In order: a request for a human; an after-sales request being
 * filled in; small talk; then the intent of the message (after-sales request, order or after-sales
 * status, a visit, a complaint) and otherwise the knowledge base. Confident answers cite their article;
 * unsure ones ask which topic was meant; two unsure turns in a row, or nothing close, go to a human.
 */
@ApplicationScoped
@Typed(EmbeddedEngine.class)
public class EmbeddedEngine implements TurnEngine {

    private static final Pattern HUMAN = Pattern.compile("转人工|人工客服|找客服|真人|人工服务|接人工|要人工|叫人工");
    private static final Pattern GREETING = Pattern.compile("^(你好|您好|hi|hello|嗨|在吗|在不在|有人吗)[呀啊吗呢?？!！。~]*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern THANKS = Pattern.compile("^(谢谢|多谢|感谢|好的|好|嗯|ok|行|知道了|明白了)[了呀啊你您哈!！。~]*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern INSTALL = Pattern.compile("安装|装");
    private static final int CANDIDATES = 3;

    @Inject
    Replies replies;
    @Inject
    KnowledgeBase kb;
    @Inject
    KnowledgeConfig config;
    @Inject
    NextSteps nextSteps;
    @Inject
    IntentClassifier intents;
    @Inject
    AfterSalesFlow flow;
    @Inject
    StatusReplies status;

    /**
     * Turns this engine keeps in LLM mode too, being exact and cheap here: a request for a human, and
     * an after-sales request it is filling in (started by a fallback turn).
     */
    public boolean owns(Turn turn) {
        return HUMAN.matcher(turn.text()).find() || DialogState.parse(turn.dialogState()).flow() != null;
    }

    /** The knowledge search's embedding of the message starts while the message is being stored. */
    @Override
    public void prepare(String text) {
        String question = text.strip();
        if (!question.isEmpty() && !HUMAN.matcher(question).find() && !GREETING.matcher(question).matches()
                && !THANKS.matcher(question).matches()) {
            kb.prefetch(question);
        }
    }

    @Override
    public TurnResult respond(Turn turn) {
        DialogState state = DialogState.parse(turn.dialogState());
        String text = turn.text().strip();
        if (HUMAN.matcher(text).find()) {
            return TurnResult.say(replies.text("handoff.requested"), 1.0).withHandoff(HandoffReason.REQUESTED)
                    .withState(state.withFlow(null).json());
        }
        if (state.flow() != null) {
            return flow.resume(turn, state);
        }
        if (GREETING.matcher(text).matches()) {
            return quick(replies.text("greeting.again"), state);
        }
        if (THANKS.matcher(text).matches()) {
            return quick(replies.text("thanks"), state);
        }
        // one search embeds the message (used by the intent classifier too) while BM25 runs beside it
        KnowledgeIndex.Result found = kb.search(text, CANDIDATES);
        return switch (intents.classify(text, found.vector())) {
            case AFTERSALES_REQUEST -> flow.start(turn, state, null);
            case VISIT -> flow.start(turn, state, INSTALL.matcher(text).find() ? "install" : "repair");
            case ORDER_STATUS -> status.orders(turn, state);
            case AFTERSALES_STATUS -> status.aftersales(turn, state);
            case COMPLAINT -> TurnResult.say(replies.text("complaint"), 1.0).withHandoff(HandoffReason.NEGATIVE_SENTIMENT)
                    .withState(state.json());
            case FAQ -> answerFromKnowledge(found, state);
        };
    }

    private TurnResult answerFromKnowledge(KnowledgeIndex.Result result, DialogState state) {
        double confidence = result.confidence();
        if (result.top() != null && confidence >= config.answerThreshold()) {
            ArticleData a = result.top().article();
            NextSteps.Step next = nextSteps.after(a);
            String text = plain(a.answer()) + (next == null ? "" : "\n" + next.question());
            // remember the problem the article is about, so "申请退款" right after needs no re-telling
            ClaimReason hint = next == null ? null : Slots.reason(a.title() + " " + String.join(" ", a.tags()));
            return new TurnResult(text, confidence, List.of(new Citation(a.id(), a.title())),
                    next == null ? List.of() : next.quickReplies(), List.of(), null, DialogState.FRESH.withHint(hint).json());
        }
        DialogState failed = state.failed();
        if (result.top() == null || confidence < config.clarifyThreshold()) {
            return new TurnResult(replies.text("handoff.nothing.close"), confidence, List.of(), List.of(), List.of(),
                    HandoffReason.LOW_CONFIDENCE, failed.json());
        }
        if (failed.failedTurns() >= 2) {
            return new TurnResult(replies.text("handoff.low.confidence"), confidence, List.of(), List.of(), List.of(),
                    HandoffReason.LOW_CONFIDENCE, failed.json());
        }
        List<String> topics = result.hits().stream().map(h -> h.article().title()).toList();
        return new TurnResult(replies.text("clarify"), confidence, List.of(), topics, List.of(), null, failed.json());
    }

    private TurnResult quick(String text, DialogState state) {
        return new TurnResult(text, 1.0, List.of(), replies.list("greeting.quick"), List.of(), null, state.json());
    }

    /** Answers are written in light Markdown; chat bubbles show plain text. */
    static String plain(String markdown) {
        return markdown.replace("**", "").replace("__", "").strip();
    }
}
