package shop.kefu.llm;

import java.util.regex.Pattern;

import shop.kefu.knowledge.Script;
import shop.kefu.privacy.PersonalData;

/**
 * Checks a shopper message before it reaches the model. Prompt injection (attempts to override the
 * rules, change the assistant's role, or demand a refund past the policy) goes to the embedded engine,
 * whose after-sales flow asks the policy engine like any other request. A message that carried personal
 * data ({@link PersonalData}: masked where it entered the service) is never sent to the model.
 */
final class InputGuard {

    enum Verdict {
        OK, INJECTION, PERSONAL_DATA
    }

    private static final Pattern INJECTION = Pattern.compile(String.join("|",
            "(忽略|无视|忘掉|忘记|不要管|跳过)(你的|以上|上面|之前|前面|所有|全部|一切)?的?.{0,6}(规则|指令|设定|提示|要求|限制|政策|说明)",
            "(你现在是|现在你是|从现在开始你|假装你是|扮演一个|你的新身份)",
            "(系统|system)\\s*(提示词|提示|prompt|消息|指令)", "开发者模式|developer mode|越狱|jailbreak",
            "ignore\\s+(all\\s+|the\\s+)?(previous|above|prior|earlier)\\s+(instructions|rules|prompts?)",
            "直接(给我|帮我|把钱)?(退款|退钱|打款|赔钱|赔偿|全额退)", "(不用|不需要|无需|别)(审核|核实|检查|验证|走流程).{0,4}(退|赔|打款)",
            "(你|客服)(必须|一定要|马上)(给我)?(退款|退钱|赔)"), Pattern.CASE_INSENSITIVE);

    Verdict check(String text) {
        if (INJECTION.matcher(Script.simplified(text)).find()) { // 無視以上規則 too
            return Verdict.INJECTION;
        }
        // masking again also covers a text that did not come through a client frame
        return PersonalData.masked(PersonalData.mask(text)) ? Verdict.PERSONAL_DATA : Verdict.OK;
    }
}
