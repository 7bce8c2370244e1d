package shop.kefu.aftersales;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An uploaded image; the bytes live in the data folder under the id. */
@Entity
@Table(name = "attachment")
public class Attachment extends PanacheEntityBase {
    @Id
    public String id;
    @Column(name = "customer_id")
    public String customerId;
    @Column(name = "content_type")
    public String contentType;
    @Column(name = "size_bytes")
    public long sizeBytes;
    @Column(name = "file_name")
    public String fileName;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
