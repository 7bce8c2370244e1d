package shop.kefu.conversation;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import shop.kefu.cluster.Cluster;
import shop.kefu.cluster.ClusterMessage;

/**
 * Carries stored events to the other nodes: after the commit, the conversation and seq of each event
 * stored here go out; an event announced by another node is read back from the log and fired here as
 * {@link EventStored} (marked {@code elsewhere}, so it does not go out again). Views keep the highest
 * seq they sent, so an event that arrives twice, late or out of order is sent once and in order.
 */
@ApplicationScoped
public class EventFanOut {

    private static final Logger LOG = Logger.getLogger(EventFanOut.class);
    static final String TOPIC = "event";

    @Inject
    Cluster cluster;
    @Inject
    Event<EventStored> stored;

    void storedHere(@Observes(during = TransactionPhase.AFTER_SUCCESS) EventStored e) {
        if (!e.elsewhere()) {
            cluster.publish(TOPIC, e.conversationId() + " " + e.seq());
        }
    }

    void storedElsewhere(@Observes ClusterMessage m) {
        if (!TOPIC.equals(m.topic())) {
            return; // a resync is each view's own business: it catches up from the log
        }
        String[] parts = m.payload().split(" ");
        if (parts.length != 2) {
            LOG.debugf("Ignoring a malformed event announcement: %s", m.payload());
            return;
        }
        String conversationId = parts[0];
        long seq = Long.parseLong(parts[1]);
        EventStored e = QuarkusTransaction.requiringNew().call(() -> {
            ChatEvent row = ChatEvent.find("conversationId = ?1 and seq = ?2", conversationId, seq).firstResult();
            Conversation c = row == null ? null : Conversation.findById(conversationId);
            return c == null ? null : new EventStored(conversationId, c.customerId, seq, row.type, row.wire(), true);
        });
        if (e != null) {
            stored.fire(e); // outside a transaction: the after-commit observers run now
        }
    }
}
