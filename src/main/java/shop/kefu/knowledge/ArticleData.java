package shop.kefu.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A knowledge-base article as editors write it (contract: id, category, title, questions, answer, tags). */
public record ArticleData(String id, String category, String title, List<String> questions, String answer,
        List<String> tags) {

    public static final Set<String> CATEGORIES = Set.of("fresh", "appliance", "furniture", "general");

    public ArticleData {
        questions = questions == null ? List.of() : questions.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        tags = tags == null ? List.of() : tags.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Problems that make the article unusable, in plain words; empty when it is fine. */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (id == null || !id.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            p.add("id must be 1-64 lowercase letters, digits or '-'");
        }
        if (category == null || !CATEGORIES.contains(category)) {
            p.add("category must be one of fresh, appliance, furniture, general");
        }
        if (title == null || title.isBlank() || title.length() > 200) {
            p.add("title is required (at most 200 characters)");
        }
        if (answer == null || answer.isBlank() || answer.length() > 10_000) {
            p.add("answer is required (at most 10000 characters)");
        }
        if (questions.size() > 50 || questions.stream().anyMatch(q -> q.length() > 200)) {
            p.add("at most 50 questions of at most 200 characters");
        }
        if (tags.size() > 30 || tags.stream().anyMatch(t -> t.length() > 40)) {
            p.add("at most 30 tags of at most 40 characters");
        }
        return p;
    }

    /** Passages of the answer embedded on their own: at most this many, so long answers cost little. */
    static final int MAX_PASSAGES = 8;
    /** Sentences shorter than this join the next one: alone they say too little to match a question. */
    private static final int MIN_PASSAGE = 12;

    /** The ways shoppers ask for this article: the title, then each alternative question. */
    public List<String> phrasings() {
        List<String> all = new ArrayList<>();
        all.add(title);
        all.addAll(questions);
        return all;
    }

    /**
     * What the answer says, sentence by sentence (short ones joined), so that a question about a
     * detail inside the answer finds the article even when no phrasing mentions it.
     */
    public List<String> passages() {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String sentence : answer.replace("**", "").split("(?<=[。！？；!?;])|\\R")) {
            String t = sentence.strip().replaceFirst("^([-*·]|\\d+[.、)）])\\s*", ""); // list markers, not "48 小时"
            if (t.isEmpty()) {
                continue;
            }
            cur.append(t);
            if (cur.length() >= MIN_PASSAGE) {
                out.add(cur.toString());
                cur.setLength(0);
            }
        }
        if (!cur.isEmpty()) {
            out.add(cur.toString());
        }
        return out.size() > MAX_PASSAGES ? out.subList(0, MAX_PASSAGES) : out;
    }

    /** Every text embedded for this article: the phrasings, then the passages. */
    public List<String> embedded() {
        List<String> all = phrasings();
        all.addAll(passages());
        return all;
    }
}
