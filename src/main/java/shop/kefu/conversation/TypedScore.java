package shop.kefu.conversation;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A satisfaction score typed as text ("5", "４分", "2 不满意 等太久了"): the score 1-5 first (the
 * follow-up's quick replies start with it), then any comment. One grammar for both places a shopper
 * types a rating: after a resolved conversation (chat) and in answer to a follow-up (proactive). A
 * high-precision shortcut: a digit that starts a longer number ("12号到了吗") is no score.
 */
public record TypedScore(int score, String comment) {

    private static final Pattern SCORE = Pattern.compile(
            "^\\s*([1-5１-５])(?![0-9０-９])\\s*(分|星)?\\s*(非常满意|非常不满意|不满意|满意|一般)?[\\s,，。.:：!！]*(.*)$", Pattern.DOTALL);

    /** The score and its comment (empty when there is none), or empty when the text does not start with a score. */
    public static Optional<TypedScore> of(String text) {
        Matcher m = SCORE.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        char d = m.group(1).charAt(0);
        return Optional.of(new TypedScore(d >= '１' ? d - '１' + 1 : d - '0', m.group(4).strip()));
    }

    /** A score and nothing else. */
    public boolean bare() {
        return comment.isEmpty();
    }
}
