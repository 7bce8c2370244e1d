package shop.kefu.conversation;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Shoppers' satisfaction ratings in /q/metrics (docs/operations.md), however they were given: the rate
 * frame and a typed score (chat), and the answer to a follow-up (proactive). Here in the core because
 * proactive sits below chat and may not use it. Registered at start, so the average has a zero to start
 * from; callers count after their transaction has committed, once per stored rating.
 */
@Startup
@ApplicationScoped
public class RatingMetrics {

    @Inject
    MeterRegistry registry;

    private DistributionSummary ratedBot;
    private DistributionSummary ratedAgent;

    @PostConstruct
    void register() {
        ratedBot = rating("bot");
        ratedAgent = rating("agent");
    }

    /** A shopper rated a conversation that an agent resolved ({@code byAgent}) or the bot alone served. */
    public void rated(int score, boolean byAgent) {
        (byAgent ? ratedAgent : ratedBot).record(score);
    }

    private DistributionSummary rating(String servedBy) {
        return DistributionSummary.builder("kefu.ratings").description("Satisfaction ratings (1 to 5)")
                .tag("served_by", servedBy).serviceLevelObjectives(1, 2, 3, 4, 5).register(registry);
    }
}
