package shop.kefu.proactive;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** How far the event feed has been read, shared by every node. */
@Entity
@Table(name = "proactive_cursor")
public class ProactiveCursor extends PanacheEntityBase {
    @Id
    public String source;
    public String position;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
