package shop.kefu.handoff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import shop.kefu.cluster.Cluster;

/**
 * Tells the other nodes that the queue may have changed (a claim, a transfer, a release), after the
 * commit, so their agents' consoles refresh too; each node debounces its own pushes ({@link AgentSocket}).
 */
@ApplicationScoped
class QueueFanOut {

    static final String TOPIC = "queue";

    @Inject
    Cluster cluster;

    void changedHere(@Observes(during = TransactionPhase.AFTER_SUCCESS) QueueChanged changed) {
        cluster.publish(TOPIC, changed.conversationId() == null ? "" : changed.conversationId());
    }
}
