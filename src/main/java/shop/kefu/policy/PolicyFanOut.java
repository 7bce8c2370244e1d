package shop.kefu.policy;

import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import shop.kefu.cluster.ClusterMessage;

/**
 * An admin reloaded the policy on another node (or the link between nodes had a gap): this node
 * reloads its copy of the file, which every node must share (docs/operations.md, "Several nodes").
 */
@ApplicationScoped
class PolicyFanOut {

    private static final Logger LOG = Logger.getLogger(PolicyFanOut.class);
    static final String TOPIC = "policy";

    @Inject
    PolicyService policies;

    void reloadedElsewhere(@Observes ClusterMessage m) {
        if (m.is(TOPIC)) {
            try {
                policies.reload();
            } catch (PolicyFile.InvalidPolicyException e) {
                LOG.errorf("Another node reloaded the policy, but this node's file is invalid; the previous policy stays: %s", e.getMessage());
            }
        }
    }
}
