package shop.kefu.proactive;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A shopper's choice about proactive messages; no row means they are on. */
@Entity
@Table(name = "proactive_pref")
public class ProactivePref extends PanacheEntityBase {
    @Id
    @Column(name = "customer_id")
    public String customerId;
    @Column(name = "opted_out")
    public boolean optedOut;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
