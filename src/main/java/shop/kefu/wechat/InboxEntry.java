package shop.kefu.wechat;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A push as received; its key is the de-duplication of WeChat's retries. */
@Entity
@Table(name = "wechat_inbox")
public class InboxEntry extends PanacheEntityBase {
    @Id
    @Column(name = "dedupe_key")
    public String dedupeKey;
    public String openid;
    /** The decrypted message as {@link PushMessage#json()}. */
    public String message;
    @Column(name = "received_at")
    public OffsetDateTime receivedAt;
    @Column(name = "processed_at")
    public OffsetDateTime processedAt;
    public int attempts;
}
