package shop.kefu.wechat;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * What WeChat lets us send a user now: messages only within {@code kefu.wechat.reply-window} of the
 * user's last message, at most {@code replies-per-message} of them. The one reading of those limits:
 * {@link Deliveries} sends by it and {@link WechatStatus} shows it to the agents, so what the agents are
 * told is what the sender does. Once WeChat has refused (45015, 45047, {@link WechatUser#heldReason}) it is
 * believed until the user writes again, whatever we count.
 *
 * @param windowEnd null before the user's first message
 * @param windowOpen by our count of the window, unless WeChat refused a message as outside it
 * @param remaining messages left by our count; 0 once WeChat said the quota is used
 * @param hold why nothing can be sent now, or null when a message can
 */
record ReplyAllowance(OffsetDateTime windowEnd, boolean windowOpen, int remaining, WechatUser.Hold hold) {

    static ReplyAllowance of(WechatUser user, WechatConfig config, OffsetDateTime now) {
        return of(user, config.replyWindow(), config.repliesPerMessage(), now);
    }

    static ReplyAllowance of(WechatUser user, Duration window, int perMessage, OffsetDateTime now) {
        OffsetDateTime end = user.lastMessageAt == null ? null : user.lastMessageAt.plus(window);
        boolean counted = end != null && now.isBefore(end);
        WechatUser.Hold hold = user.heldReason != null ? WechatUser.Hold.of(user.heldReason)
                : !counted ? WechatUser.Hold.WINDOW_CLOSED
                : user.sentSince >= perMessage ? WechatUser.Hold.QUOTA : null;
        // WeChat's word over our count here too: the agents are never shown an open window next to a
        // reply held because WeChat said it is closed
        boolean open = counted && hold != WechatUser.Hold.WINDOW_CLOSED;
        int remaining = hold != null ? 0 : perMessage - user.sentSince;
        return new ReplyAllowance(end, open, remaining, hold);
    }
}
