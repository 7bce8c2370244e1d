package shop.kefu.conversation;

import java.io.Serializable;
import java.util.Objects;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** Remembers each client message id a shopper used, so a resend is acknowledged, never stored twice. */
@Entity
@Table(name = "client_message")
@IdClass(ClientMessage.Key.class)
public class ClientMessage extends PanacheEntityBase {
    @Id
    @Column(name = "customer_id")
    public String customerId;
    @Id
    @Column(name = "client_id")
    public String clientId;
    @Column(name = "conversation_id")
    public String conversationId;
    public long seq;
    /** The bot has answered it, or it was an agent's to answer (see V11__answered.sql). */
    public boolean answered;

    public static ClientMessage lookup(String customerId, String clientId) {
        return findById(new Key(customerId, clientId));
    }

    /**
     * Marks a message answered inside the caller's transaction; false if it already was, so of two
     * attempts to answer one message only one stores its answer.
     */
    public static boolean claimAnswer(String customerId, String clientId) {
        return update("answered = true where customerId = ?1 and clientId = ?2 and answered = false", customerId, clientId) == 1;
    }

    public static class Key implements Serializable {
        public String customerId;
        public String clientId;

        public Key() {
        }

        public Key(String customerId, String clientId) {
            this.customerId = customerId;
            this.clientId = clientId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.customerId.equals(customerId) && k.clientId.equals(clientId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(customerId, clientId);
        }
    }
}
