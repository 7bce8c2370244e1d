package shop.kefu.handoff;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import shop.kefu.conversation.Conversation;
import shop.kefu.conversation.ConversationState;
import shop.kefu.dialog.HandoffReason;

/**
 * The human side in /q/metrics (docs/operations.md): handoffs by reason, the queue (how many wait, and
 * for how long the longest has), first-response and resolution times measured against the service
 * levels of {@link HandoffConfig}, and this node's open agent connections.
 */
@Startup
@ApplicationScoped
public class HandoffMetrics {

    private static final Logger LOG = Logger.getLogger(HandoffMetrics.class);
    /** An agent took a conversation from the bot (Conversation.assignTo). */
    private static final String AGENT_CLAIMED = "agent_claimed";

    @Inject
    MeterRegistry registry;
    @Inject
    HandoffConfig config;
    @Inject
    TransactionSynchronizationRegistry transactions;

    private final Map<String, Counter> handoffs = new HashMap<>();
    private Timer firstResponseMet, firstResponseMissed, resolutionMet, resolutionMissed;
    private Counter firstResponseBreaches, solutionBreaches;
    /** Read from the database by {@link #refreshQueue}: the queue is shared by every node, scrapes need not wait for it. */
    private volatile long waiting;
    private volatile OffsetDateTime oldestHandoff;

    @PostConstruct
    void register() {
        for (HandoffReason r : HandoffReason.values()) {
            handoffs.put(r.wire(), handoffCounter(r.wire()));
        }
        handoffs.put(AGENT_CLAIMED, handoffCounter(AGENT_CLAIMED));
        Duration[] firstBuckets = buckets(config.firstResponse(), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5),
                Duration.ofMinutes(10), Duration.ofMinutes(20), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(4));
        String first = "Time from handoff to the first agent reply, and whether it kept kefu.handoff.first-response";
        firstResponseMet = serviceTime("kefu.handoff.first.response", first, "met", firstBuckets);
        firstResponseMissed = serviceTime("kefu.handoff.first.response", first, "missed", firstBuckets);
        Duration[] resolutionBuckets = buckets(config.solution(), Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(1),
                Duration.ofHours(4), Duration.ofHours(8), Duration.ofHours(24), Duration.ofHours(48), Duration.ofHours(72));
        String resolution = "Time from handoff to resolution by an agent, and whether it kept kefu.handoff.solution";
        resolutionMet = serviceTime("kefu.handoff.resolution", resolution, "met", resolutionBuckets);
        resolutionMissed = serviceTime("kefu.handoff.resolution", resolution, "missed", resolutionBuckets);
        firstResponseBreaches = breaches("first_response");
        solutionBreaches = breaches("solution");
        Gauge.builder("kefu.queue.length", this, m -> m.waiting).description("Conversations waiting for an agent (all nodes)")
                .register(registry);
        TimeGauge.builder("kefu.queue.oldest.wait", this, TimeUnit.SECONDS, HandoffMetrics::oldestWaitSeconds)
                .description("How long the conversation waiting longest has waited since its handoff (all nodes)").register(registry);
        Gauge.builder("kefu.connections", AgentSocket::openConnections).tag("channel", "agent")
                .description("Open WebSocket connections on this node").register(registry);
    }

    /** The bot handed a conversation to the queue. */
    void handedOff(HandoffReason reason) {
        onCommit(handoffs.get(reason.wire())::increment);
    }

    /** An agent is about to take the conversation: from the bot, that is a handoff of the agent's own. */
    void agentJoins(Conversation c) {
        if (c.state == ConversationState.BOT) {
            onCommit(handoffs.get(AGENT_CLAIMED)::increment);
        }
    }

    /** An agent is about to reply: the first reply since the handoff ends the first-response clock. */
    void agentReplies(Conversation c, OffsetDateTime now) {
        if (c.firstAgentReplyAt == null && c.handoffAt != null) {
            Duration took = Duration.between(c.handoffAt, now);
            Timer t = took.compareTo(config.firstResponse()) <= 0 ? firstResponseMet : firstResponseMissed;
            onCommit(() -> t.record(took));
        }
    }

    /** An agent resolved the conversation: the solution clock started at its handoff. */
    void resolved(Conversation c, OffsetDateTime now) {
        if (c.handoffAt != null) {
            Duration took = Duration.between(c.handoffAt, now);
            Timer t = took.compareTo(config.solution()) <= 0 ? resolutionMet : resolutionMissed;
            onCommit(() -> t.record(took));
        }
    }

    /** Counted once the caller's transaction commits: a handoff, reply or resolution rolled back did not happen. */
    private void onCommit(Runnable count) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            count.run();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    count.run();
                }
            }
        });
    }

    /** Conversations SlaMonitor just found past a promise, still waiting for it. */
    void slaBreaches(int firstResponse, int solution) {
        firstResponseBreaches.increment(firstResponse);
        solutionBreaches.increment(solution);
    }

    @Scheduled(every = "${kefu.metrics.queue-refresh-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshQueue() {
        try {
            Object[] row = QuarkusTransaction.requiringNew().call(() -> Conversation.getEntityManager()
                    .createQuery("select count(c), min(c.handoffAt) from Conversation c where c.state = :s", Object[].class)
                    .setParameter("s", ConversationState.WAITING_FOR_AGENT).getSingleResult());
            waiting = ((Number) row[0]).longValue();
            oldestHandoff = (OffsetDateTime) row[1];
        } catch (RuntimeException e) {
            // the database is down or busy: keep the last figures; its own alerts say so
            LOG.debugf("Queue metrics not refreshed: %s", e.toString());
        }
    }

    private double oldestWaitSeconds() {
        OffsetDateTime oldest = oldestHandoff;
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, OffsetDateTime.now()).toMillis() / 1000.0);
    }

    private Counter handoffCounter(String reason) {
        return Counter.builder("kefu.handoffs").description("Conversations handed to the human queue, by reason").tag("reason", reason)
                .register(registry);
    }

    private Counter breaches(String kind) {
        return Counter.builder("kefu.sla.breaches").description("Conversations flagged past a service level, by which one")
                .tag("kind", kind).register(registry);
    }

    private Timer serviceTime(String name, String description, String sla, Duration[] buckets) {
        return Timer.builder(name).description(description).tag("sla", sla)
                .serviceLevelObjectives(buckets).register(registry);
    }

    /** The fixed boundaries, and the configured service level itself, so one bucket ends exactly at the promise. */
    private static Duration[] buckets(Duration promise, Duration... fixed) {
        TreeSet<Duration> all = new TreeSet<>(Arrays.asList(fixed));
        all.add(promise);
        return all.toArray(Duration[]::new);
    }
}
