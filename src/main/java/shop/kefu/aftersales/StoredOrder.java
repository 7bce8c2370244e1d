package shop.kefu.aftersales;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An order of the built-in store; items are JSON. */
@Entity
@Table(name = "shop_order")
public class StoredOrder extends PanacheEntityBase {
    @Id
    @Column(name = "order_id")
    public String orderId;
    @Column(name = "customer_id")
    public String customerId;
    public String category;
    public String status;
    public String items;
    @Column(name = "delivered_at")
    public OffsetDateTime deliveredAt;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
