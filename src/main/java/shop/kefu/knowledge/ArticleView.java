package shop.kefu.knowledge;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An article as the editors' API shows it: its content, and the version an edit must name when it is
 * saved (optimistic locking), with who saved it last and when.
 */
public record ArticleView(String id, String category, String title, List<String> questions, String answer, List<String> tags,
        int version, OffsetDateTime updatedAt, String updatedBy) {

    static ArticleView of(ArticleData a, Article row) {
        return new ArticleView(a.id(), a.category(), a.title(), a.questions(), a.answer(), a.tags(), row.version, row.updatedAt,
                row.updatedBy);
    }

    public ArticleData content() {
        return new ArticleData(id, category, title, questions, answer, tags);
    }
}
