package shop.kefu.wechat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A reply of the log as a WeChat text message. WeChat has no quick-reply buttons: they become numbered
 * choices the user answers with the number ({@link #choice}), or {@code <a data-miniprogram-path>}
 * links that open the shop's mini-program chat page with the choice.
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
        text.append(links ? "\n\n" : "\n\n回复数字即可选择：");
        for (int i = 0; i < quick.size(); i++) {
            String q = quick.get(i);
            if (links) {
                text.append(i == 0 ? "" : "\n").append("<a data-miniprogram-path=\"")
                        .append(escape(path + URLEncoder.encode(q, StandardCharsets.UTF_8))).append("\">").append(escape(q)).append("</a>");
            } else {
                text.append('\n').append(i + 1).append(". ").append(q);
            }
        }
        return text.toString();
    }

    /** The choice a user's "2" means, when the last reply offered numbered choices; else the text as written. */
    static String choice(String text, List<String> offered) {
        String t = text.strip();
        if (t.length() == 1 && t.charAt(0) >= '1' && t.charAt(0) <= '9') {
            int i = t.charAt(0) - '1';
            if (i < offered.size()) {
                return offered.get(i);
            }
        }
        return text;
    }

    /** Text inside WeChat's link markup is HTML: a choice must not open or close tags. */
    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
