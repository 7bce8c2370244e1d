package shop.kefu.conversation;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One stored event of a conversation: the log that every client view is replayed from. */
@Entity
@Table(name = "chat_event")
public class ChatEvent extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "conversation_id")
    public String conversationId;
    public long seq;
    public String type;
    public String sender;
    public String text;
    /** The event as clients receive it, minus seq: a JSON object. */
    public String payload;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    /** {@link TurnOutcome#wire()} on a bot reply to a shopper's message or a handoff event; else null. */
    public String outcome;

    /** The JSON frame sent to clients: the payload with seq added. */
    public String wire() {
        return wireOf(seq, payload);
    }

    static String wireOf(long seq, String payload) {
        return "{\"seq\":" + seq + "," + payload.substring(1);
    }
}
