package shop.kefu.knowledge;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

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

    /**
     * Newest first, at most {@link #MAX_LISTED}. {@code read} turns a stored revision into content (JSON
     * lists parsed). One version more than listed is read so that the oldest one listed is compared with
     * the version before it, not called "created".
     */
    static List<Revision> of(String articleId, Function<ArticleRevision, ArticleData> read) {
        List<ArticleRevision> rows = ArticleRevision.<ArticleRevision> find("articleId = ?1 order by version desc", articleId)
                .range(0, MAX_LISTED).list(); // last index inclusive: MAX_LISTED + 1 rows
        List<ArticleData> contents = rows.stream().map(read).toList();
        List<Revision> out = new ArrayList<>();
        for (int i = 0; i < Math.min(rows.size(), MAX_LISTED); i++) {
            ArticleRevision r = rows.get(i);
            List<String> changed;
            if (i + 1 == rows.size()) {
                changed = List.of(r.deleted ? "deleted" : "created");
            } else if (rows.get(i + 1).deleted && !r.deleted) {
                changed = List.of("restored");
            } else {
                changed = changes(contents.get(i + 1), contents.get(i), r.deleted);
            }
            out.add(new Revision(r.version, r.changedAt, r.changedBy, r.deleted, changed, contents.get(i)));
        }
        return out;
    }

    static Optional<ArticleRevision> find(String articleId, int version) {
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
