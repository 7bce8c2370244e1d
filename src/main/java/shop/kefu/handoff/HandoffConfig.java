package shop.kefu.handoff;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "kefu.handoff")
public interface HandoffConfig {
    /** First human response promised after a handoff (shared/POLICIES.md: 10 minutes). */
    @WithDefault("10m")
    Duration firstResponse();

    /** A proposed solution is promised within this time (24 hours). */
    @WithDefault("24h")
    Duration solution();

    /** How long an agent's conversations wait for them to reconnect before going back to the queue. */
    @WithDefault("60s")
    Duration disconnectGrace();

    /**
     * How often each node returns to the queue the conversations of agents absent for the grace period
     * (and marks its own connected agents present).
     */
    @WithDefault("15s")
    Duration presenceSweepEvery();

    /** How often service levels are checked (breaches flagged and counted). */
    @WithDefault("30s")
    Duration slaCheckEvery();

    /** Longest agent message or private note, in characters (as long as a shopper's message may be). */
    @WithDefault("2000")
    int maxTextLength();

    /** Average handling time per queued conversation, for the wait estimate shown to shoppers. */
    @WithDefault("5m")
    Duration averageHandling();

    /** Queue changes within this interval reach agents' consoles as one push. */
    @WithDefault("500ms")
    Duration queuePushInterval();
}
