package shop.kefu.aftersales;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A return, replacement, refund or reship request, with the policy decision behind it and its history. */
@Entity
@Table(name = "aftersales")
public class AfterSalesOrder extends PanacheEntityBase {
    @Id
    public String id;
    @Column(name = "order_id")
    public String orderId;
    @Column(name = "customer_id")
    public String customerId;
    public String sku;
    @Column(name = "item_name")
    public String itemName;
    public int qty;
    public String kind;
    public String reason;
    public BigDecimal amount;
    @Enumerated(EnumType.STRING)
    public AfterSalesStatus status;
    @Column(name = "decision_rule")
    public String decisionRule;
    @Column(name = "decision_reason")
    public String decisionReason;
    /** JSON array of attachment ids. */
    public String evidence;
    /** JSON array of {status, at, note, by}. */
    public String history;
    @Column(name = "conversation_id")
    public String conversationId;
    @Column(name = "dedupe_key")
    public String dedupeKey;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
