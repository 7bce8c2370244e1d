package shop.kefu.policy;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;

import org.jboss.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import shop.kefu.common.DataFiles;

/** Holds the current policy: loaded at start, reloadable; decisions always use the latest valid file. */
@ApplicationScoped
public class PolicyService {

    private static final Logger LOG = Logger.getLogger(PolicyService.class);

    @Inject
    PolicyConfig config;

    private volatile Policy policy;

    @PostConstruct
    void load() {
        reload();
    }

    /** Re-reads the policy file; a broken file is refused and the previous policy stays in force. */
    public Policy reload() {
        String file = config.file();
        Policy loaded = PolicyFile.parse(file,
                List.of(DataFiles.read(Path.of(file), "knowledge-base/policies.properties").split("\\R")));
        policy = loaded;
        LOG.infof("After-sales policy loaded: %s", loaded);
        return loaded;
    }

    public Policy current() {
        return policy;
    }

    /** The compensation the policy in force grants for a delivery late by {@code late}. */
    public Compensation delayCompensation(String category, java.time.Duration late) {
        return PolicyEngine.delayCompensation(policy, category, late);
    }

    /** Whether a repair visit for the order is free (see {@link PolicyEngine#repairCover}). */
    public Decision repairCover(OrderFacts facts) {
        return PolicyEngine.repairCover(policy, facts, OffsetDateTime.now());
    }

    public Decision decide(ClaimRequest request, OrderFacts facts) {
        return PolicyEngine.decide(policy, request, facts, OffsetDateTime.now());
    }
}
