package shop.kefu.dialog;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;

import shop.kefu.aftersales.AfterSalesTools;
import shop.kefu.aftersales.Order;
import shop.kefu.knowledge.KnowledgeBase;
import shop.kefu.knowledge.KnowledgeIndex;
import shop.kefu.knowledge.QuestionText;
import shop.kefu.privacy.PersonalData;
import shop.kefu.understanding.Intent;
import shop.kefu.understanding.ItemMatcher;
import shop.kefu.understanding.Reading;
import shop.kefu.understanding.Understanding;

/**
 * The default engine, fully in-process. In order: a request for a human; a message that carried
 * personal data (masked on arrival: a privacy notice); an after-sales request being
 * filled in; small talk; then what the trained understanding reads in the message (after-sales
 * request, order or after-sales status, a visit, a complaint) and otherwise the knowledge base
 * ({@link Answers}), with the shopper's orders as context.
 */
@ApplicationScoped
@Typed(EmbeddedEngine.class)
public class EmbeddedEngine implements TurnEngine {

    private static final Pattern HUMAN = Pattern.compile("转人工|人工客服|找客服|真人|人工服务|接人工|要人工|叫人工");
    private static final Pattern GREETING = Pattern.compile("^(你好|您好|hi|hello|嗨|在吗|在不在|有人吗)[呀啊吗呢?？!！。~]*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern THANKS = Pattern.compile("^(谢谢|多谢|感谢|好的|好|嗯|ok|行|知道了|明白了)[了呀啊你您哈!！。~]*$",
            Pattern.CASE_INSENSITIVE);
    /**
     * The engine's own quick replies, sent verbatim by buttons: no need to guess what they mean. The
     * after-sales status button is read from the reply templates (button.status), like the flow's buttons.
     */
    private static final Map<String, Intent> COMMANDS = Map.of("申请退款", Intent.AFTERSALES, "申请退货", Intent.AFTERSALES,
            "申请换货", Intent.AFTERSALES, "申请补发", Intent.AFTERSALES, "申请售后", Intent.AFTERSALES, "我要退货", Intent.AFTERSALES,
            "预约安装", Intent.INSTALL, "预约维修", Intent.REPAIR);
    private static final int CANDIDATES = 3;

    @Inject
    Replies replies;
    @Inject
    KnowledgeBase kb;
    @Inject
    Understanding understanding;
    @Inject
    AfterSalesTools tools;
    @Inject
    Answers answers;
    @Inject
    AfterSalesFlow flow;
    @Inject
    StatusReplies status;

    /**
     * Turns this engine keeps in LLM mode too, being exact and cheap here: a request for a human, and
     * an after-sales request it is filling in (started by a fallback turn).
     */
    public boolean owns(Turn turn) {
        return HUMAN.matcher(kb.spelled(turn.text())).find() || DialogState.parse(turn.dialogState()).flow() != null; // as respond reads it: 轉人工, 揾客服
    }

    /** The knowledge search's embedding of the message starts while the message is being stored. */
    @Override
    public void prepare(String text) {
        String question = kb.spelled(text.strip()); // the text respond() will read and search
        if (!question.isEmpty() && !HUMAN.matcher(question).find() && !smallTalk(question)) {
            kb.prefetch(question);
        }
    }

    /** A greeting or thanks answered without a search, read without punctuation and emoji ("谢谢😊"). */
    private static boolean smallTalk(String text) {
        String plain = QuestionText.plain(text);
        return GREETING.matcher(plain).matches() || THANKS.matcher(plain).matches();
    }

    @Override
    public TurnResult respond(Turn typed) {
        // read as the search reads it: a product word typed as its homophone ("洗晚机") is the product, for the
        // item matching and the after-sales reading as much as for the answer
        Turn turn = typed.readAs(kb.spelled(typed.text().strip()));
        DialogState state = DialogState.parse(turn.dialogState());
        String text = turn.text();
        String button = typed.text().strip(); // our own buttons' texts are compared as sent
        if (HUMAN.matcher(text).find() || button.equals(replies.text("button.human"))) {
            return TurnResult.say(replies.text("handoff.requested"), 1.0).withHandoff(HandoffReason.REQUESTED)
                    .withState(state.withFlow(null).json()).on(TurnPath.HANDOFF);
        }
        if (PersonalData.masked(text)) {
            // the number never reached us in full; say it is not needed, and leave any request where it was
            return new TurnResult(replies.text("privacy.notice"), 1.0, List.of(), List.of(), List.of(), null, turn.dialogState())
                    .on(TurnPath.PRIVACY);
        }
        KnowledgeIndex.Result asked = null;
        if (state.flow() != null) {
            Reading reading = understanding.read(text, null);
            asked = newQuestion(turn, state, reading);
            if (asked == null) {
                return flow.resume(turn, state, reading);
            }
            state = DialogState.FRESH; // a new question in the middle of a request: answered, the request left
        }
        String plain = QuestionText.plain(text); // "你好😊", "谢谢！"
        if (GREETING.matcher(plain).matches()) {
            return quick(replies.text("greeting.again"), state);
        }
        if (THANKS.matcher(plain).matches()) {
            return quick(replies.text("thanks"), state);
        }
        // one search embeds the message (used by the understanding too) while BM25 runs beside it
        KnowledgeIndex.Result found = asked != null ? asked : kb.search(text, CANDIDATES);
        Reading reading = understanding.read(text, found);
        Intent commanded = button.equals(replies.text("button.status")) ? Intent.AFTERSALES_STATUS : COMMANDS.get(button);
        boolean command = commanded != null;
        Intent intent = command ? commanded : reading.intent();
        if (intent == Intent.COMPLAINT && !understanding.angry(text)) {
            intent = Intent.OTHER; // a handoff for anger needs an angry word, not only a guess ("你们卖不卖手机")
        }
        if (intent == Intent.ORDER_STATUS && !command && understanding.otherGoodsCame(text)) {
            // "单号…我点的是菠菜 送来的是油麦菜，是不是搞错了": what came is the problem, not where the parcel is
            intent = Intent.AFTERSALES;
        }
        DialogState now = state; // what this turn starts from (a request just left is gone)
        return switch (intent) {
            // our own "申请售后" button says nothing more: the request starts from what the last answer was about
            case AFTERSALES -> (command ? bookable(turn, reading) : claimable(turn, found, reading))
                    ? answers.withAdvice(flow.start(turn, state, reading, null), found, reading)
                    : knowledge(turn, found, state, reading);
            case INSTALL -> bookable(turn, reading) ? flow.start(turn, state, reading, "install") : knowledge(turn, found, state, reading);
            case REPAIR -> bookable(turn, reading) ? flow.start(turn, state, reading, "repair") : knowledge(turn, found, state, reading);
            case ORDER_STATUS -> status.orders(turn, state).on(TurnPath.STATUS);
            // "退款好几天了还没到账" with nothing applied for: how long refunds take, if an article says so
            case AFTERSALES_STATUS -> status.aftersales(turn, state, () -> answers.confident(found)
                    ? answers.prefixed(replies.text("aftersales.none.short"), knowledge(turn, found, now, reading)) : null)
                    .on(TurnPath.STATUS);
            case COMPLAINT -> TurnResult.say(replies.text("complaint"), 1.0).withHandoff(HandoffReason.NEGATIVE_SENTIMENT)
                    .withState(state.json()).on(TurnPath.HANDOFF);
            case QUESTION, OTHER -> knowledge(turn, found, state, reading);
        };
    }

    /**
     * Whether an after-sales message is a request to act on, with the shopper's orders in view. It is
     * not when it names neither a problem nor a remedy, when there is nothing to claim on (no orders,
     * or the product named is none of theirs), nor when it is a question that asks for nothing and an
     * article answers it ("冰箱不制冷咋整"): then the answer comes first, and after-sales is offered
     * for the item.
     */
    private boolean claimable(Turn turn, KnowledgeIndex.Result found, Reading reading) {
        if (reading.kind() == null && reading.reason() == null) {
            return false; // nothing to act on: "空气炸锅到了说明书找不到" is for the knowledge base
        }
        boolean asksNothing = reading.question() && reading.kind() == null;
        return !(asksNothing && answers.confident(found)) && bookable(turn, reading);
    }

    /** A visit or request needs an order of the shopper's that it can be about. */
    private boolean bookable(Turn turn, Reading reading) {
        List<Order> orders = tools.recentOrders(turn.customerId());
        return !orders.isEmpty() && !understanding.items(turn.text(), orders, reading.reason()).elsewhere();
    }

    /**
     * An answer from the knowledge base. The shopper's orders are context here too: a problem with an
     * item they bought that no article answers confidently is an after-sales request for that item, and
     * an answer about a problem offers after-sales for the item the message named.
     */
    private TurnResult knowledge(Turn turn, KnowledgeIndex.Result found, DialogState state, Reading reading) {
        boolean confident = answers.confident(found);
        ItemMatcher.Candidate item = null;
        if (reading.reason() != null) {
            ItemMatcher.Match m = understanding.items(turn.text(), tools.recentOrders(turn.customerId()), reading.reason());
            item = m.named() ? m.only() : null;
            // a problem with an item the shopper bought is a request when it asks for a remedy, even as
            // a question ("水壶有塑料味，能换吗"), or when no article answers it and the problem is stated,
            // not only asked about ("生菜烂成水了 咋吃", but not "有点小裂纹是正常的吗")
            if (item != null && (reading.kind() != null || !confident && (!reading.question() || reading.stated()))) {
                return flow.start(turn, state, reading, null);
            }
            // several of their items fit ("水果烂了怎么办" with two fruit orders): which one, after the answer
            if (m.named() && m.candidates().size() > 1) {
                return answers.withAnswer(flow.start(turn, state, reading, null), found);
            }
        }
        return answers.answer(found, state, reading, item);
    }

    /**
     * The search for a message during a request when it is a new question rather than an answer to
     * the request (null otherwise): read as a question, giving no detail of the request, naming none of
     * the shopper's items, and answered by an article. Without this, a shopper who asks something else
     * is asked the same thing again until a person takes over.
     */
    private KnowledgeIndex.Result newQuestion(Turn turn, DialogState state, Reading reading) {
        if (reading.intent() != Intent.QUESTION || reading.kind() != null || reading.reason() != null || reading.unused() != null
                || state.flow().awaiting() == DialogState.Awaiting.CONFIRM) {
            return null;
        }
        String text = turn.text().strip();
        if (understanding.items(text, tools.recentOrders(turn.customerId()), null).named()) {
            return null;
        }
        KnowledgeIndex.Result found = kb.search(text, CANDIDATES);
        return answers.confident(found) ? found : null;
    }

    private TurnResult quick(String text, DialogState state) {
        return new TurnResult(text, 1.0, List.of(), replies.list("greeting.quick"), List.of(), null, state.json()).on(TurnPath.SMALL_TALK);
    }
}
