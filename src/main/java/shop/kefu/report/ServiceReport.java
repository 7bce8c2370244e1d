package shop.kefu.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The managers' report over a range of days; every figure counts what started in the range. */
public record ServiceReport(LocalDate from, LocalDate to, String zone, Conversations conversations, Turns turns,
        ServiceLevels serviceLevels, Csat csat, AfterSales aftersales, Unanswered unanswered) {

    /**
     * Conversations in which the shopper wrote at least once. Self-service: no human was involved (never
     * handed off, never taken by an agent).
     */
    public record Conversations(long total, long selfService, Double selfServiceRate, long handedOff, List<HandoffReason> handoffs) {
    }

    /** Conversations first handed off for a reason, and their share of all conversations. */
    public record HandoffReason(String reason, long conversations, Double rate) {
    }

    /** What the bot did with shoppers' messages it answered. */
    public record Turns(long total, Share answer, Share clarify, Share handoff) {
    }

    public record Share(long count, Double share) {
    }

    public record ServiceLevels(Level firstResponse, Level resolution) {
    }

    /**
     * One promise, counted over handed-off conversations: met (done within it), missed (done late, or not
     * done and already past it), pending (not done, still within it). Times in minutes, of those done.
     */
    public record Level(long promiseMinutes, long handedOff, long met, long missed, long pending, Double metRate,
            Double averageMinutes, Double p50Minutes, Double p90Minutes) {
    }

    public record Csat(long ratings, Double average, Map<Integer, Long> distribution, List<AgentCsat> agents) {
    }

    public record AgentCsat(String agentId, String name, long ratings, Double average) {
    }

    /**
     * After-sales cases by category, kind, reason and status. {@code amount} sums what was computed for
     * the cases; {@code refunded} sums it over refunds and returns that were not rejected.
     */
    public record AfterSales(long cases, BigDecimal amount, BigDecimal refunded, List<AfterSalesGroup> groups) {
    }

    public record AfterSalesGroup(String category, String kind, String reason, String status, long cases, BigDecimal amount) {
    }

    /** The questions considered (the most recent, at most kefu.report.unanswered-limit) and their groups, largest first. */
    public record Unanswered(long questions, List<QuestionGroup> groups) {
    }

    public record QuestionGroup(int count, List<String> examples) {
    }
}
