package shop.kefu.chat;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "conversation")
public class Conversation extends PanacheEntityBase {
    @Id
    public String id;
    @Column(name = "customer_id")
    public String customerId;
    /** customerId while open, null once closed (unique: one open conversation per shopper). */
    @Column(name = "active_key")
    public String activeKey;
    @Enumerated(EnumType.STRING)
    public ConversationState state;
    @Column(name = "last_seq")
    public long lastSeq;
    @Column(name = "agent_id")
    public String agentId;
    @Column(name = "handoff_reason")
    public String handoffReason;
    @Column(name = "handoff_at")
    public OffsetDateTime handoffAt;
    /** The dialog engine's own state (JSON), opaque to the chat layer. */
    @Column(name = "dialog_state")
    public String dialogState;
    /** Queue order: higher first (upset shoppers, fresh-goods problems), then waiting time. */
    public int urgency;
    @Column(name = "agent_name")
    public String agentName;
    @Column(name = "first_agent_reply_at")
    public OffsetDateTime firstAgentReplyAt;
    @Column(name = "resolved_at")
    public OffsetDateTime resolvedAt;
    @Column(name = "first_response_breached")
    public boolean firstResponseBreached;
    @Column(name = "solution_breached")
    public boolean solutionBreached;
    public Integer rating;
    @Column(name = "rating_comment")
    public String ratingComment;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public boolean isOpen() {
        return state != ConversationState.CLOSED;
    }
}
