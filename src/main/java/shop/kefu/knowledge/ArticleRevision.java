package shop.kefu.knowledge;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One saved version of an article (V19): its content as saved, by whom and when; a deletion is one too. */
@Entity
@Table(name = "kb_article_revision")
@IdClass(ArticleRevision.Key.class)
public class ArticleRevision extends PanacheEntityBase {
    @Id
    @Column(name = "article_id")
    public String articleId;
    @Id
    public int version;
    public String category;
    public String title;
    /** JSON array of strings, as in kb_article. */
    public String questions;
    public String tags;
    public String answer;
    public boolean deleted;
    @Column(name = "changed_at")
    public OffsetDateTime changedAt;
    @Column(name = "changed_by")
    public String changedBy;

    public static class Key implements Serializable {
        public String articleId;
        public int version;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.version == version && Objects.equals(k.articleId, articleId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(articleId, version);
        }
    }
}
