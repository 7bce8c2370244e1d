package shop.kefu.eval;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a shopper saw after their first message: the bot's reply and the handoff event that followed it,
 * or the error that came instead. Fields the engine may not send yet ({@code aftersales},
 * {@code decision}) read as absent when missing or null.
 *
 * @param reply   the first reply after the ack, or null when an error came instead
 * @param handoff the handoff event right after the reply, or null
 * @param error   the error code (or a short description of what went wrong), or null
 */
record Observation(JsonNode reply, JsonNode handoff, String error) {

    static Observation failed(String error) {
        return new Observation(null, null, error);
    }

    boolean hasError() {
        return error != null;
    }

    boolean answered() {
        return reply != null && reply.path("citations").size() > 0;
    }

    /** Article id of the first citation, or null. */
    String firstArticle() {
        return answered() ? reply.path("citations").get(0).path("articleId").asText(null) : null;
    }

    int quickReplies() {
        return reply == null ? 0 : reply.path("quickReplies").size();
    }

    boolean handedOff() {
        return handoff != null;
    }

    String handoffReason() {
        return handoff == null ? null : handoff.path("reason").asText(null);
    }

    /** The {@code aftersales} object of the reply, or null when absent. */
    JsonNode aftersales() {
        return objectField("aftersales");
    }

    /** The {@code decision} object of the reply, or null when absent. */
    JsonNode decision() {
        return objectField("decision");
    }

    /** The reply's text (for dev miss reports only). */
    String text() {
        return reply == null ? "" : reply.path("text").asText("");
    }

    private JsonNode objectField(String name) {
        JsonNode n = reply == null ? null : reply.get(name);
        return n == null || !n.isObject() ? null : n;
    }

    /** A string field of an object node, null when missing or JSON null. */
    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** How a knowledge question ended: {@code answered <id>}, {@code handoff <reason>}, {@code clarified} or {@code error <code>}. */
    String describeAnswer() {
        if (hasError()) {
            return "error " + error;
        }
        if (answered()) {
            return "answered " + firstArticle();
        }
        if (handedOff()) {
            return "handoff " + handoffReason();
        }
        return "clarified";
    }
}
