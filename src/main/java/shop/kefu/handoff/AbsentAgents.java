package shop.kefu.handoff;

import java.util.List;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import shop.kefu.conversation.Conversation;
import shop.kefu.conversation.ConversationState;

/**
 * Returns to the queue the conversations held by agents nobody has seen for the disconnect grace period.
 * A closing socket schedules the same on its own node; this sweep also covers agents who worked only
 * through REST, sockets on a node that died, and a restart of the service.
 */
@ApplicationScoped
public class AbsentAgents {

    private static final Logger LOG = Logger.getLogger(AbsentAgents.class);

    @Inject
    AgentPresence presence;
    @Inject
    AgentService agents;
    @Inject
    HandoffConfig config;

    @Scheduled(every = "${kefu.handoff.presence-sweep-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void sweep() {
        presence.heartbeat();
        // an agent's conversation always names its agent; a row that does not (written by hand) must not stop the sweep for all
        List<String> holders = QuarkusTransaction.requiringNew().call(() -> Conversation.getEntityManager()
                .createQuery("select distinct c.agentId from Conversation c where c.state = ?1 and c.agentId is not null", String.class)
                .setParameter(1, ConversationState.WITH_AGENT).getResultList());
        for (String agentId : presence.absent(holders)) {
            int n = agents.requeueHeldBy(agentId);
            if (n > 0) {
                LOG.infof("Agent %s was not seen for %s; %d conversation(s) back to the queue", agentId,
                        config.disconnectGrace(), n);
            }
        }
    }
}
