package shop.kefu.knowledge;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A stored article; questions and tags are JSON arrays. */
@Entity
@Table(name = "kb_article")
public class Article extends PanacheEntityBase {
    @Id
    public String id;
    public String category;
    public String title;
    public String questions;
    public String tags;
    public String answer;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;
    /** Raised by every save (V19): a save names the version it was edited from, see KnowledgeBase#update. */
    public int version;
}
