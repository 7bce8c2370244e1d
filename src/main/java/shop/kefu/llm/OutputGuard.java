package shop.kefu.llm;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the model's reply before the shopper sees it. A reply fails when it promises what only the
 * shopper's confirmation can bring about (a refund, return or compensation as done: the model only
 * proposes), when it names an amount other than the one the policy engine offered for the request it
 * proposed, or when it answers a policy question without citing an article it was given and without
 * any tool result behind it.
 */
final class OutputGuard {

    private static final Pattern PROMISE = Pattern.compile(String.join("|",
            "已(经)?(为您|给您|帮您)?(办理|提交|安排|申请|通过|批准|同意)?(了)?(退款|退货|换货|补发|赔偿|补偿)",
            "(退款|赔偿|补偿)(已|已经)(到账|发放|打款|原路退回|办理|批准|通过)", "(马上|立即|立刻|现在)(给您|为您)?(退款|打款|赔偿|补偿|退钱)",
            "(给|为)您(退款|赔偿|补偿|退)\\s*[0-9０-９]", "(赔偿|补偿|返还)您", "全额退款", "(红包|优惠券|代金券)"));
    private static final Pattern AMOUNT = Pattern.compile("(?:¥|￥)\\s*([0-9]+(?:\\.[0-9]{1,2})?)|([0-9]+(?:\\.[0-9]{1,2})?)\\s*元");
    private static final Pattern POLICY = Pattern.compile(
            "退货|退款|换货|补发|退钱|运费|保修|质保|发票|时效|多久|几天|天内|小时内|赔|补偿|政策|规则|能不能退|可以退|能退");
    static final Pattern CITATION = Pattern.compile("\\[KB:([A-Za-z0-9_.\\-]+)\\]");

    /**
     * @param question  what the shopper asked
     * @param reply     the model's reply
     * @param sources   ids of the articles the model was given this turn
     * @param offered   the amount the policy engine offered for the request proposed this turn (none or one)
     * @param usedTools whether any tool ran this turn (its result backs the reply)
     * @return why the reply fails, or empty when it may be shown
     */
    Optional<String> check(String question, String reply, Set<String> sources, List<BigDecimal> offered, boolean usedTools) {
        if (reply == null || reply.isBlank()) {
            return Optional.of("empty reply");
        }
        if (PROMISE.matcher(reply).find()) {
            return Optional.of("a promise: nothing is granted before the shopper confirms");
        }
        if (!offered.isEmpty()) {
            Matcher m = AMOUNT.matcher(reply);
            while (m.find()) {
                BigDecimal said = new BigDecimal(m.group(1) != null ? m.group(1) : m.group(2));
                if (offered.stream().noneMatch(a -> a != null && a.compareTo(said) == 0)) {
                    return Optional.of("amount " + said + " differs from the offered amount");
                }
            }
        }
        boolean cites = citations(reply).stream().anyMatch(sources::contains);
        if (!usedTools && !cites && (POLICY.matcher(question).find() || POLICY.matcher(reply).find())) {
            return Optional.of("policy answer without a source");
        }
        return Optional.empty();
    }

    static List<String> citations(String reply) {
        return CITATION.matcher(reply).results().map(r -> r.group(1)).distinct().toList();
    }
}
