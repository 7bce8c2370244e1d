package shop.kefu.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A score typed as text, as both the resolved chat and the follow-up read it. */
class TypedScoreTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // text | score (- when none) | comment
            "5 | 5 | ''",
            "４分 | 4 | ''",
            "2 不满意 等太久了 | 2 | 等太久了",
            "3星，一般般 | 3 | 一般般",
            "12号到了吗 | - | ''", // a longer number is no score
            "6 | - | ''",
            "还行 | - | ''" })
    void readsAScoreAndItsComment(String text, String score, String comment) {
        var typed = TypedScore.of(text);
        assertEquals(score, typed.map(t -> String.valueOf(t.score())).orElse("-"));
        assertEquals(comment, typed.map(TypedScore::comment).orElse(""));
    }
}
