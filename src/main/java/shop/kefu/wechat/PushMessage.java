package shop.kefu.wechat;

import java.util.Map;

/**
 * One decrypted push: a user's message ({@code text}, {@code image}, {@code miniprogrampage}) or an
 * event ({@code user_enter_tempsession}). Stored in the inbox as JSON of these fields.
 */
record PushMessage(String fromUser, long createTime, String msgType, String msgId, String content, String mediaId, String picUrl,
        String title, String pagePath, String event, String sessionFrom) {

    static PushMessage of(Map<String, String> f) {
        String from = f.get("FromUserName");
        if (from == null || from.isBlank() || from.length() > 128) {
            throw new BadPush("the push names no user (FromUserName)");
        }
        long created;
        try {
            created = Long.parseLong(f.getOrDefault("CreateTime", "").strip());
        } catch (NumberFormatException e) {
            throw new BadPush("the push has no CreateTime");
        }
        String type = f.get("MsgType");
        if (type == null || type.isBlank()) {
            throw new BadPush("the push has no MsgType");
        }
        String msgId = f.get("MsgId");
        if (msgId != null && msgId.strip().length() > 64) {
            throw new BadPush("the MsgId is too long");
        }
        return new PushMessage(from.strip(), created, cut(type.strip()), msgId == null || msgId.isBlank() ? null : msgId.strip(),
                cut(f.get("Content")), cut(f.get("MediaId")), cut(f.get("PicUrl")), cut(f.get("Title")), cut(f.get("PagePath")),
                cut(f.get("Event")), cut(f.get("SessionFrom")));
    }

    /** No field needs more (a message is cut to kefu.chat.max-text-length anyway); the inbox row stays bounded. */
    private static String cut(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 2000);
    }

    /**
     * What makes a retry recognisable: WeChat retries a push three times with the same MsgId, or, for
     * events (which have none), the same user and CreateTime.
     */
    String dedupeKey() {
        return msgId != null ? "m:" + msgId : "e:" + fromUser + ":" + createTime;
    }

    boolean isEvent() {
        return "event".equals(msgType);
    }
}
