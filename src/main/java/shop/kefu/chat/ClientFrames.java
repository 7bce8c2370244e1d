package shop.kefu.chat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import shop.kefu.common.StorableText;

/** Parses and validates client frames; every problem is a {@link ChatError} with a clear code and message. */
@ApplicationScoped
public class ClientFrames {

    @Inject
    ObjectMapper json;
    @Inject
    ChatConfig config;

    public ClientFrame parse(String raw) {
        JsonNode node;
        try {
            node = json.readTree(raw);
        } catch (JsonProcessingException e) {
            throw new ChatError("invalid_json", "消息不是合法的 JSON。");
        }
        if (node == null || !node.isObject()) {
            throw new ChatError("invalid_json", "消息必须是一个 JSON 对象。");
        }
        String type = node.path("type").isTextual() ? node.get("type").asText() : null;
        if (type == null) {
            throw new ChatError("missing_field", "缺少字段 type。");
        }
        return switch (type) {
            case "message" -> message(node);
            case "resume" -> resume(node);
            case "rate" -> rate(node);
            default -> throw new ChatError("unknown_type", "不支持的消息类型：" + abbreviate(type) + "。");
        };
    }

    private ClientFrame.Message message(JsonNode node) {
        String id = requiredText(node, "id", null);
        if (id.isBlank() || id.length() > config.maxClientIdLength()) {
            throw new ChatError("invalid_field", "id 必须是 1 到 " + config.maxClientIdLength() + " 个字符。");
        }
        String text = requiredText(node, "text", id).strip();
        if (text.isEmpty()) {
            throw new ChatError("empty_text", "消息内容不能为空。", id);
        }
        if (text.codePointCount(0, text.length()) > config.maxTextLength()) {
            throw new ChatError("text_too_long", "消息太长了，请不要超过 " + config.maxTextLength() + " 个字。", id);
        }
        List<String> attachments = new ArrayList<>();
        JsonNode list = node.get("attachments");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw new ChatError("invalid_field", "attachments 必须是附件 id 的数组。", id);
            }
            if (list.size() > config.maxAttachments()) {
                throw new ChatError("too_many_attachments", "一条消息最多附带 " + config.maxAttachments() + " 张图片。", id);
            }
            for (JsonNode a : list) {
                if (!a.isTextual() || a.asText().isBlank() || a.asText().length() > 64) {
                    throw new ChatError("invalid_field", "attachments 必须是附件 id 的数组。", id);
                }
                attachments.add(storable(a.asText(), "attachments", id));
            }
        }
        return new ClientFrame.Message(id, text, List.copyOf(attachments));
    }

    private ClientFrame.Resume resume(JsonNode node) {
        String conversationId = requiredText(node, "conversationId", null);
        JsonNode after = node.get("afterSeq");
        if (after == null || after.isNull()) {
            throw new ChatError("missing_field", "缺少字段 afterSeq。");
        }
        if (!after.canConvertToExactIntegral() || after.asLong() < 0) {
            throw new ChatError("invalid_field", "afterSeq 必须是非负整数。");
        }
        return new ClientFrame.Resume(conversationId, after.asLong());
    }

    private ClientFrame.Rate rate(JsonNode node) {
        JsonNode score = node.get("score");
        if (score == null || score.isNull()) {
            throw new ChatError("missing_field", "缺少字段 score。");
        }
        if (!score.canConvertToExactIntegral() || score.asInt() < 1 || score.asInt() > 5) {
            throw new ChatError("invalid_score", "评分必须是 1 到 5 的整数。");
        }
        JsonNode comment = node.get("comment");
        String text = comment == null || comment.isNull() ? null : storable(comment.asText(), "comment", null).strip();
        if (text != null && text.length() > config.maxCommentLength()) {
            throw new ChatError("text_too_long", "评价内容请不要超过 " + config.maxCommentLength() + " 个字。");
        }
        return new ClientFrame.Rate(score.asInt(), text == null || text.isEmpty() ? null : text);
    }

    private static String requiredText(JsonNode node, String field, String clientId) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new ChatError("missing_field", "缺少字段 " + field + "。", clientId);
        }
        if (!value.isTextual()) {
            throw new ChatError("invalid_field", "字段 " + field + " 必须是字符串。", clientId);
        }
        return storable(value.asText(), field, clientId);
    }

    private static String storable(String text, String field, String clientId) {
        if (!StorableText.storable(text)) {
            throw new ChatError(StorableText.CODE, "字段 " + field + " 含有无法保存的字符（U+0000）。", clientId);
        }
        return text;
    }

    private static String abbreviate(String s) {
        return s.length() > 32 ? s.substring(0, 32) + "…" : s;
    }
}
