package shop.kefu.aftersales;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An installation or repair visit the shopper asked for; a technician confirms the time. */
@Entity
@Table(name = "service_visit")
public class ServiceVisit extends PanacheEntityBase {
    @Id
    public String id;
    @Column(name = "customer_id")
    public String customerId;
    @Column(name = "order_id")
    public String orderId;
    /** install or repair */
    public String kind;
    public String note;
    public String status;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
