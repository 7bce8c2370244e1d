package shop.kefu.dialog;

import java.util.List;
import java.util.Set;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import shop.kefu.knowledge.ArticleData;
import shop.kefu.understanding.ItemMatcher;

/**
 * The step a shopper most likely wants after an answer: an article about a problem with the goods
 * offers after-sales for its category; one about installation or repairs offers a visit. Decided by the
 * article's tags, so editors steer it.
 */
@ApplicationScoped
public class NextSteps {

    /** Tags that mark an article as being about something wrong with delivered goods. */
    static final Set<String> PROBLEM_TAGS = Set.of("售后", "赔付", "包赔", "破损", "变质", "腐烂", "坏果", "部分赔付", "错发",
            "漏发", "少件", "死亡", "质量问题", "故障", "缺斤少两", "化冻", "磕碰", "开裂", "不制冷");
    static final Set<String> VISIT_TAGS = Set.of("安装", "维修", "报修");

    public record Step(String question, List<String> quickReplies) {
    }

    @Inject
    Replies replies;

    /**
     * @param item the shopper's order line the question named with a problem (e.g. "我买的冰箱不制冷怎么办"),
     *             or null; after-sales is then offered for that item, whatever the article's tags
     */
    public Step after(ArticleData a, ItemMatcher.Candidate item) {
        if (item != null) {
            String category = item.order().category();
            return new Step(replies.text("next.item", Map.of("item", item.item().name())) + replies.text("next." + category + ".problem"),
                    replies.list("next." + category + ".problem.quick"));
        }
        if (a.tags().stream().anyMatch(PROBLEM_TAGS::contains)) {
            return new Step(replies.text("next." + a.category() + ".problem"), replies.list("next." + a.category() + ".problem.quick"));
        }
        if (a.tags().stream().anyMatch(VISIT_TAGS::contains) && !"general".equals(a.category())) {
            return new Step(replies.text("next.visit"), replies.list("next.visit.quick"));
        }
        return null;
    }
}
