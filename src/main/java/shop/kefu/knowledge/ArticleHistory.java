package shop.kefu.knowledge;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Every saved version of an article (kb_article_revision), written in the transaction that saves the
 * article, so the history cannot miss a change; and what changed from one version to the next, for
 * editors to see who changed what before they restore an older version.
 */
final class ArticleHistory {

    /** Versions listed at most: an article edited daily for years still answers in one page. */
    static final int MAX_LISTED = 200;

    /** One version: its content, who saved it and when, and which fields differ from the version before. */
    public record Revision(int version, OffsetDateTime at, String by, boolean deleted, List<String> changed, ArticleData content) {
    }

    private ArticleHistory() {
    }

    /** Call inside the transaction that saved {@code row}. */
    static void record(Article row, boolean deleted) {
        ArticleRevision r = new ArticleRevision();
        r.articleId = row.id;
        r.version = row.version;
        r.category = row.category;
        r.title = row.title;
        r.questions = row.questions;
        r.tags = row.tags;
        r.answer = row.answer;
        r.deleted = deleted;
        r.changedAt = row.updatedAt;
        r.changedBy = row.updatedBy;
        r.persist();
    }

    /** Newest first. {@code read} turns a stored revision into content (JSON lists parsed). */
    static List<Revision> of(String articleId, java.util.function.Function<ArticleRevision, ArticleData> read) {
        List<ArticleRevision> rows = ArticleRevision.<ArticleRevision> find("articleId = ?1 order by version desc", articleId)
                .range(0, MAX_LISTED).list();
        List<Revision> out = new ArrayList<>();
        for (int i = 0; i < rows.size() && i < MAX_LISTED; i++) {
            ArticleRevision r = rows.get(i);
            ArticleData content = read.apply(r);
            List<String> changed = i + 1 < rows.size() ? rows.get(i + 1).deleted && !r.deleted ? List.of("restored")
                    : changes(read.apply(rows.get(i + 1)), content, r.deleted)
                    : List.of(r.deleted ? "deleted" : "created");
            out.add(new Revision(r.version, r.changedAt, r.changedBy, r.deleted, changed, content));
        }
        return out;
    }

    static java.util.Optional<ArticleRevision> find(String articleId, int version) {
        ArticleRevision.Key key = new ArticleRevision.Key();
        key.articleId = articleId;
        key.version = version;
        return ArticleRevision.findByIdOptional(key);
    }

    /** The fields that differ, by their API names; a deletion is "deleted", the save after it "restored". */
    private static List<String> changes(ArticleData before, ArticleData after, boolean deleted) {
        List<String> out = new ArrayList<>();
        if (deleted) {
            out.add("deleted");
            return out;
        }
        if (!Objects.equals(before.category(), after.category())) {
            out.add("category");
        }
        if (!Objects.equals(before.title(), after.title())) {
            out.add("title");
        }
        if (!Objects.equals(before.questions(), after.questions())) {
            out.add("questions");
        }
        if (!Objects.equals(before.answer(), after.answer())) {
            out.add("answer");
        }
        if (!Objects.equals(before.tags(), after.tags())) {
            out.add("tags");
        }
        return out;
    }
}
