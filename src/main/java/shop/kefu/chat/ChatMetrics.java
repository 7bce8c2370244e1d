package shop.kefu.chat;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeSet;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import shop.kefu.dialog.TurnPath;
import shop.kefu.dialog.TurnResult;
import shop.kefu.knowledge.KnowledgeConfig;

/**
 * The shopper side in /q/metrics (docs/operations.md): bot turns by path, how long the shopper waited
 * for each reply and how confident it was, and this node's open shopper connections (ratings:
 * {@link shop.kefu.conversation.RatingMetrics}). Every
 * series is registered at start, so rates and dashboards have a zero to start from; tags are fixed
 * sets, never a shopper or conversation.
 */
@Startup
@ApplicationScoped
public class ChatMetrics {

    /** Up to the LLM timeout (15 s by default): the embedded engine answers in tens of milliseconds. */
    private static final Duration[] LATENCY_BUCKETS = { Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(200), Duration.ofMillis(300), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(15), Duration.ofSeconds(30) };

    @Inject
    MeterRegistry registry;
    @Inject
    KnowledgeConfig knowledge;
    @Inject
    ShopperChannels channels;

    private final Map<TurnPath, Timer> latency = new EnumMap<>(TurnPath.class);
    private final Map<TurnPath, DistributionSummary> confidence = new EnumMap<>(TurnPath.class);
    private Timer unknownLatency;
    private DistributionSummary unknownConfidence;

    @PostConstruct
    void register() {
        double[] confidenceBuckets = confidenceBuckets();
        for (TurnPath p : TurnPath.values()) {
            latency.put(p, latency(p.wire()));
            confidence.put(p, confidence(p.wire(), confidenceBuckets));
        }
        unknownLatency = latency("other");
        unknownConfidence = confidence("other", confidenceBuckets);
        Gauge.builder("kefu.connections", channels, ShopperChannels::openConnections).tag("channel", "shopper")
                .description("Open WebSocket connections on this node").register(registry);
    }

    /** A bot reply was stored, {@code nanos} after its turn started. */
    void replied(TurnResult reply, long nanos) {
        TurnPath p = reply.path();
        (p == null ? unknownLatency : latency.get(p)).record(Duration.ofNanos(nanos));
        (p == null ? unknownConfidence : confidence.get(p)).record(Math.round(reply.confidence() * 100));
    }

    private Timer latency(String path) {
        return Timer.builder("kefu.turn").description("Bot turns by path: time from the turn's start to its stored reply")
                .tag("path", path).serviceLevelObjectives(LATENCY_BUCKETS).register(registry);
    }

    private DistributionSummary confidence(String path, double[] buckets) {
        return DistributionSummary.builder("kefu.turn.confidence").baseUnit("percent")
                .description("Confidence of bot replies by path, in percent").tag("path", path).serviceLevelObjectives(buckets).register(registry);
    }

    /**
     * Every tenth, and the thresholds the answers are decided by, so a bucket boundary falls on each. In
     * percent: Micrometer's fixed-boundary histograms round a recorded value up to a whole number.
     */
    private double[] confidenceBuckets() {
        TreeSet<Double> b = new TreeSet<>();
        for (int i = 10; i <= 100; i += 10) {
            b.add((double) i);
        }
        for (double threshold : new double[] { knowledge.clarifyThreshold(), knowledge.answerThreshold(), knowledge.sureThreshold() }) {
            b.add((double) Math.round(threshold * 100));
        }
        return b.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
