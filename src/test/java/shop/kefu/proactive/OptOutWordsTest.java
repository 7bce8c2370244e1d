package shop.kefu.proactive;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The opt-out shortcut is for unmistakable requests only: complaints about deliveries must reach the engine. */
class OptOutWordsTest {

    @Test
    void requestsToStopProactiveMessagesAreRecognised() {
        for (String s : new String[] { "别再发了", "别再给我发消息了", "不要再发了", "不要再给我推送通知", "别推送消息了", "关闭通知", "请关闭主动推送" }) {
            assertTrue(ProactiveTurns.optsOut(s), s);
        }
    }

    @Test
    void complaintsAboutWhatWasSentAreNot() {
        for (String s : new String[] { "别再发错货了", "不要再发错了", "我要退订", "别发了，我要退款", "发了两次货", "快递怎么还没发",
                "不要再发这种烂草莓了" }) {
            assertFalse(ProactiveTurns.optsOut(s), s);
        }
    }
}
