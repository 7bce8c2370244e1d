package shop.kefu.proactive;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A follow-up visit (回访) of a closed case or a resolved conversation: asked once, answered with a 1-5 rating. */
@Entity
@Table(name = "follow_up")
public class FollowUp extends PanacheEntityBase {

    static final String PENDING = "pending";
    static final String SENT = "sent";
    static final String ANSWERED = "answered";
    static final String SKIPPED = "skipped";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    /** {@code case:<after-sales id>} or {@code conversation:<id>}; unique, so each is asked once. */
    public String subject;
    @Column(name = "customer_id")
    public String customerId;
    @Column(name = "due_at")
    public OffsetDateTime dueAt;
    public String status;
    @Column(name = "conversation_id")
    public String conversationId;
    public Integer score;
    @Column(name = "rating_comment")
    public String comment;
    @Column(name = "sent_at")
    public OffsetDateTime sentAt;
    @Column(name = "answered_at")
    public OffsetDateTime answeredAt;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    /** The after-sales case followed up, or null for a conversation. */
    String subjectCase() {
        return subject.startsWith("case:") ? subject.substring("case:".length()) : null;
    }

    /** The resolved conversation followed up, or null for a case. */
    String subjectConversation() {
        return subject.startsWith("conversation:") ? subject.substring("conversation:".length()) : null;
    }
}
