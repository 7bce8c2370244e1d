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

    /** The texts embedded for this article: the title, then each alternative question. */
    public List<String> phrasings() {
        List<String> all = new ArrayList<>();
        all.add(title);
        all.addAll(questions);
        return all;
    }
}
