package shop.kefu.proactive;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Compensation for a late delivery, as the policy engine decided it, and what the shopper chose. */
@Entity
@Table(name = "compensation_case")
public class CompensationCase extends PanacheEntityBase {

    static final String OFFERED = "offered";
    static final String GRANTED = "granted";
    static final String ORDER_CANCELLED = "order_cancelled";

    @Id
    public String id;
    @Column(name = "customer_id")
    public String customerId;
    @Column(name = "order_id")
    public String orderId;
    @Column(name = "event_id")
    public String eventId;
    /** coupon, free_shipping or none. */
    public String kind;
    public BigDecimal amount;
    public String rule;
    public String reason;
    @Column(name = "delay_minutes")
    public int delayMinutes;
    public String status;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
