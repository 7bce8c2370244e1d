package shop.kefu.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

/** WeChat's 48-hour window and 5 messages per user message, as the sender and the agents' status read them. */
class ReplyAllowanceTest {

    static final Duration WINDOW = Duration.ofHours(48);
    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-30T12:00:00+08:00");

    static WechatUser user(OffsetDateTime lastMessageAt, int sentSince, String heldReason) {
        WechatUser u = new WechatUser();
        u.lastMessageAt = lastMessageAt;
        u.sentSince = sentSince;
        u.heldReason = heldReason;
        return u;
    }

    @Test
    void beforeTheFirstMessageNothingMayBeSent() {
        ReplyAllowance a = ReplyAllowance.of(user(null, 0, null), WINDOW, 5, NOW);
        assertNull(a.windowEnd());
        assertFalse(a.windowOpen());
        assertEquals(0, a.remaining());
        assertEquals(WechatUser.Hold.WINDOW_CLOSED, a.hold());
    }

    @Test
    void withinTheWindowTheQuotaCounts() {
        ReplyAllowance a = ReplyAllowance.of(user(NOW.minusHours(1), 3, null), WINDOW, 5, NOW);
        assertEquals(NOW.plusHours(47), a.windowEnd());
        assertTrue(a.windowOpen());
        assertEquals(2, a.remaining());
        assertNull(a.hold());

        ReplyAllowance used = ReplyAllowance.of(user(NOW.minusHours(1), 5, null), WINDOW, 5, NOW);
        assertEquals(0, used.remaining());
        assertEquals(WechatUser.Hold.QUOTA, used.hold());
    }

    @Test
    void theWindowIsClosedFromItsEnd() {
        ReplyAllowance a = ReplyAllowance.of(user(NOW.minus(WINDOW), 0, null), WINDOW, 5, NOW);
        assertFalse(a.windowOpen());
        assertEquals(0, a.remaining());
        assertEquals(WechatUser.Hold.WINDOW_CLOSED, a.hold());
    }

    @Test
    void weChatsRefusalIsBelievedOverOurCount() {
        ReplyAllowance a = ReplyAllowance.of(user(NOW.minusHours(1), 1, WechatUser.Hold.QUOTA.wire), WINDOW, 5, NOW);
        assertTrue(a.windowOpen());
        assertEquals(0, a.remaining());
        assertEquals(WechatUser.Hold.QUOTA, a.hold());
    }

    @Test
    void aWindowWeChatSaidIsClosedIsShownClosedWhateverOurCount() {
        ReplyAllowance a = ReplyAllowance.of(user(NOW.minusHours(1), 1, WechatUser.Hold.WINDOW_CLOSED.wire), WINDOW, 5, NOW);
        assertFalse(a.windowOpen());
        assertEquals(0, a.remaining());
        assertEquals(WechatUser.Hold.WINDOW_CLOSED, a.hold());
    }
}
