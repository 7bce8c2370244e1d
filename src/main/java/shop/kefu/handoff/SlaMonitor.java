package shop.kefu.handoff;

import java.time.OffsetDateTime;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import shop.kefu.conversation.Conversation;
import shop.kefu.conversation.ConversationState;

/**
 * Service levels of shared/POLICIES.md: a first human response within 10 minutes of handoff and a
 * proposed solution within 24 hours. Breaches are flagged on the conversation (the queue shows them)
 * and counted in /q/metrics as kefu_sla_breaches_total{kind=first_response|solution}.
 */
@ApplicationScoped
public class SlaMonitor {

    @Inject
    HandoffConfig config;
    @Inject
    HandoffMetrics metrics;

    @Scheduled(every = "${kefu.handoff.sla-check-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void check() {
        OffsetDateTime now = OffsetDateTime.now();
        int first = QuarkusTransaction.requiringNew().call(() -> Conversation.update(
                "firstResponseBreached = true where firstResponseBreached = false and firstAgentReplyAt is null "
                        + "and handoffAt < ?1 and state in (?2, ?3)",
                now.minus(config.firstResponse()), ConversationState.WAITING_FOR_AGENT, ConversationState.WITH_AGENT));
        int solution = QuarkusTransaction.requiringNew().call(() -> Conversation.update(
                "solutionBreached = true where solutionBreached = false and handoffAt < ?1 and state in (?2, ?3)",
                now.minus(config.solution()), ConversationState.WAITING_FOR_AGENT, ConversationState.WITH_AGENT));
        metrics.slaBreaches(first, solution);
    }
}
