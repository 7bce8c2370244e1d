package shop.kefu.proactive;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * What the quick replies of the latest proactive message in a conversation act on: a delay's
 * "继续等待"/"取消订单", a carrier-reported claim's two taps, a follow-up's rating. One per conversation:
 * a newer proactive message with quick replies replaces it.
 */
@Entity
@Table(name = "proactive_offer")
public class Offer extends PanacheEntityBase {

    static final String DELAY = "delay";
    static final String CLAIM = "claim";
    static final String FOLLOW_UP = "follow_up";
    static final String OFFERED = "offered";
    static final String CONFIRM = "confirm";

    @Id
    @Column(name = "conversation_id")
    public String conversationId;
    @Column(name = "customer_id")
    public String customerId;
    public String kind;
    public String step;
    @Column(name = "order_id")
    public String orderId;
    public String sku;
    public String reason;
    /** The compensation case (delay) or follow-up (follow_up) it belongs to. */
    public String ref;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    static Offer of(String kind, String orderId, String sku, String reason, String ref) {
        Offer o = new Offer();
        o.kind = kind;
        o.step = OFFERED;
        o.orderId = orderId;
        o.sku = sku;
        o.reason = reason;
        o.ref = ref;
        return o;
    }
}
