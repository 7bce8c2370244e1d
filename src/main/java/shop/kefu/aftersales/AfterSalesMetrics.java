package shop.kefu.aftersales;

import java.util.Locale;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * After-sales requests in /q/metrics (docs/operations.md): each one decided, by kind, product category,
 * the policy's outcome and who submitted it (the bot for a shopper, or an agent).
 */
@ApplicationScoped
public class AfterSalesMetrics {

    /**
     * The categories the policy knows (PolicyEngine); an order system may send anything, and every
     * distinct tag value is a series of its own, so the rest count as "other".
     */
    private static final Set<String> CATEGORIES = Set.of("fresh", "appliance", "furniture");

    @Inject
    MeterRegistry registry;

    /** @param by who submitted it: "bot", or the agent's id (not a tag: only whether it was an agent) */
    void decided(Claim claim, Order order, String by, AfterSalesService.Submission s) {
        String outcome = s.created().filter(AfterSalesService.Created::duplicate).isPresent() ? "duplicate"
                : s.decision().outcome().name().toLowerCase(Locale.ROOT);
        Counter.builder("kefu.aftersales.requests").description("After-sales requests decided, by kind, category and outcome")
                .tag("kind", claim.kind().wire())
                .tag("category", CATEGORIES.contains(order.category()) ? order.category() : "other")
                .tag("outcome", outcome)
                .tag("by", "bot".equals(by) ? "bot" : "agent")
                .register(registry).increment();
    }
}
