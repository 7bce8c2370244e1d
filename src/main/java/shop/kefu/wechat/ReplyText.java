package shop.kefu.wechat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import shop.kefu.conversation.TypedScore;

/**
 * A reply of the log as a WeChat text message. WeChat has no quick-reply buttons: they become numbered
 * choices the user answers with the number ({@link #choice}), a rating's scores to type ({@link #scores}),
 * or {@code <a data-miniprogram-path>} links that open the shop's mini-program chat page with the choice.
 */
final class ReplyText {

    private ReplyText() {
    }

    static List<String> quickReplies(JsonNode reply) {
        List<String> q = new ArrayList<>();
        reply.path("quickReplies").forEach(n -> q.add(n.asText()));
        return q;
    }

    static String of(JsonNode reply, boolean links, String path) {
        StringBuilder text = new StringBuilder(reply.path("text").asText(""));
        List<String> quick = quickReplies(reply);
        if (quick.isEmpty()) {
            return text.toString();
        }
        boolean scores = scores(quick);
        text.append(links ? "\n\n" : scores ? "\n\n回复分数即可：" : "\n\n回复数字即可选择：");
        for (int i = 0; i < quick.size(); i++) {
            String q = quick.get(i);
            if (links) {
                text.append(i == 0 ? "" : "\n").append("<a data-miniprogram-path=\"")
                        .append(escape(path + URLEncoder.encode(q, StandardCharsets.UTF_8))).append("\">").append(escape(q)).append("</a>");
            } else if (scores) {
                text.append('\n').append(q);
            } else {
                text.append('\n').append(i + 1).append(". ").append(q);
            }
        }
        return text.toString();
    }

    /** The choice a user's "2" means, when the last reply offered numbered choices; else the text as written. */
    static String choice(String text, List<String> offered) {
        String t = text.strip();
        if (t.length() == 1 && t.charAt(0) >= '1' && t.charAt(0) <= '9' && !scores(offered)) {
            int i = t.charAt(0) - '1';
            if (i < offered.size()) {
                return offered.get(i);
            }
        }
        return text;
    }

    /**
     * A rating's choices ("5", "4 满意"…) each start with their score: the user types the score, as on the
     * chat page, and the choices are not numbered, or a "5" typed for the fifth choice would be a 1.
     */
    private static boolean scores(List<String> quick) {
        return !quick.isEmpty() && quick.stream().allMatch(q -> TypedScore.of(q).filter(TypedScore::bare).isPresent());
    }

    /** Text inside WeChat's link markup is HTML: a choice must not open or close tags. */
    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
