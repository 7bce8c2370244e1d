package shop.kefu.handoff;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A private note of an agent on a conversation; never shown to the shopper. */
@Entity
@Table(name = "agent_note")
public class AgentNote extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "conversation_id")
    public String conversationId;
    @Column(name = "agent_id")
    public String agentId;
    public String text;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
