package shop.kefu.handoff;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A conversation's summary as folded so far: see {@link Summaries}. */
@Entity
@Table(name = "conversation_summary")
public class ConversationSummary extends PanacheEntityBase {
    @Id
    @Column(name = "conversation_id")
    public String conversationId;
    /** The last event folded in. */
    @Column(name = "through_seq")
    public long throughSeq;
    /** {@link Summaries.Folded} as JSON. */
    public String folded;
}
