package shop.kefu.proactive;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An event of the shop's order system, kept by its id so that a resent event sends nothing again. */
@Entity
@Table(name = "proactive_event")
public class ProactiveEvent extends PanacheEntityBase {
    @Id
    @Column(name = "event_id")
    public String eventId;
    public String type;
    @Column(name = "order_id")
    public String orderId;
    @Column(name = "customer_id")
    public String customerId;
    /** {@link Outreach.Outcome#wire()}. */
    public String outcome;
    @Column(name = "conversation_id")
    public String conversationId;
    public Long seq;
    @Column(name = "received_at")
    public OffsetDateTime receivedAt;
}
