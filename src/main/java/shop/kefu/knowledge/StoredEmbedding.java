package shop.kefu.knowledge;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An embedding keyed by the SHA-256 of the text it embeds (base64 of little-endian floats). */
@Entity
@Table(name = "kb_embedding")
public class StoredEmbedding extends PanacheEntityBase {
    @Id
    @Column(name = "text_hash")
    public String textHash;
    public String vector;
}
