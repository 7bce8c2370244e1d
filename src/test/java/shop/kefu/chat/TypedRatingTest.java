package shop.kefu.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Which typed messages are a bare score: the shortcut must not swallow a real question. */
class TypedRatingTest {

    private static Integer score(String text, String... attachments) {
        return TypedRating.score(new ClientFrame.Message("m1", text, List.of(attachments)));
    }

    @Test
    void aBareScoreInAnyOfItsUsualFormsIsOne() {
        assertEquals(4, score("4"));
        assertEquals(5, score(" ５ "));
        assertEquals(3, score("3分"));
        assertEquals(5, score("5星！"));
        assertEquals(1, score("1。"));
    }

    @Test
    void anythingMoreIsAnOrdinaryMessage() {
        assertNull(score("0"));
        assertNull(score("6"));
        assertNull(score("45"));
        assertNull(score("4个"));
        assertNull(score("订单4"));
        assertNull(score("4 还有个问题"));
        assertNull(score("4", "AT1"), "a photo is sent to be looked at");
    }
}
