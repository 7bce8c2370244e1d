package shop.kefu.proactive;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A proactive message that was sent: the daily cap and the status-question metric count these. */
@Entity
@Table(name = "proactive_message")
public class ProactiveMessage extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "customer_id")
    public String customerId;
    public String kind;
    @Column(name = "conversation_id")
    public String conversationId;
    public long seq;
    @Column(name = "sent_at")
    public OffsetDateTime sentAt;
}
