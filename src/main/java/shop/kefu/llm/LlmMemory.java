package shop.kefu.llm;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One conversation's LLM chat memory. */
@Entity
@Table(name = "llm_memory")
public class LlmMemory extends PanacheEntityBase {
    @Id
    @Column(name = "conversation_id")
    public String conversationId;
    @Column(name = "messages", nullable = false)
    public String messages;
    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
