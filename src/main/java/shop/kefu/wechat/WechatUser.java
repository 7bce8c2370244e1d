package shop.kefu.wechat;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A WeChat user, the shopper they are, and what we count of WeChat's limits on messages to them ({@link ReplyAllowance}). */
@Entity
@Table(name = "wechat_user")
public class WechatUser extends PanacheEntityBase {
    @Id
    public String openid;
    @Column(name = "customer_id")
    public String customerId;
    @Column(name = "session_from")
    public String sessionFrom;
    /** The user's last message (or entry into the chat): the start of the reply window. */
    @Column(name = "last_message_at")
    public OffsetDateTime lastMessageAt;
    /** Messages sent since then. */
    @Column(name = "sent_since")
    public int sentSince;
    /** Why replies are waiting ({@link Hold}), or null. */
    @Column(name = "held_reason")
    public String heldReason;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    /** Why replies wait for the user's next message. */
    enum Hold {
        WINDOW_CLOSED("window_closed"), QUOTA("quota");

        final String wire;

        Hold(String wire) {
            this.wire = wire;
        }

        static Hold of(String wire) {
            return WINDOW_CLOSED.wire.equals(wire) ? WINDOW_CLOSED : QUOTA;
        }
    }

    /** The user wrote (or entered the chat): a new window and a new quota. A late retry of an older push changes nothing. */
    void wrote(OffsetDateTime at) {
        if (lastMessageAt != null && at.isBefore(lastMessageAt)) {
            return;
        }
        lastMessageAt = at;
        sentSince = 0;
        heldReason = null;
    }
}
