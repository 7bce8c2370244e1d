package shop.kefu.wechat;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A conversation reached through WeChat: how far its log has been sent, and the last quick replies offered. */
@Entity
@Table(name = "wechat_conversation")
public class WechatConversation extends PanacheEntityBase {
    @Id
    @Column(name = "conversation_id")
    public String conversationId;
    public String openid;
    /** Every reply after this seq is still owed to the user. */
    @Column(name = "delivered_seq")
    public long deliveredSeq;
    /** JSON array of the quick replies of the last reply sent, which the user answers by number. */
    @Column(name = "quick_replies")
    public String quickReplies;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
