package shop.kefu.proactive;

import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Proactive service in /q/metrics (docs/operations.md): messages sent by kind and those held back,
 * claims started before the shopper asked, follow-ups sent and answered (the response rate is their
 * ratio), and the shoppers' status questions, split by whether a proactive message came first (they
 * should fall as events are announced). Registered at start at zero; tags are fixed sets. Callers count
 * after their transaction has committed.
 */
@Startup
@ApplicationScoped
public class ProactiveMetrics {

    @Inject
    MeterRegistry registry;

    private final Map<Outreach.Kind, Counter> sent = new EnumMap<>(Outreach.Kind.class);
    private final Map<Outreach.Outcome, Counter> held = new EnumMap<>(Outreach.Outcome.class);
    private Counter claimsOffered;
    private Counter claimsCreated;
    private Counter followUpsSent;
    private Counter followUpsAnswered;
    private Counter statusAfterEvent;
    private Counter statusWithout;

    @PostConstruct
    void register() {
        for (Outreach.Kind k : Outreach.Kind.values()) {
            sent.put(k, Counter.builder("kefu.proactive.messages").description("Proactive messages sent, by kind")
                    .tag("kind", k.wire()).register(registry));
        }
        for (Outreach.Outcome o : new Outreach.Outcome[] { Outreach.Outcome.OPTED_OUT, Outreach.Outcome.CAPPED }) {
            held.put(o, Counter.builder("kefu.proactive.suppressed").description("Proactive messages not sent: opted out or over the daily cap")
                    .tag("why", o.wire()).register(registry));
        }
        claimsOffered = claims("offered");
        claimsCreated = claims("created");
        followUpsSent = followUps("sent");
        followUpsAnswered = followUps("answered");
        statusAfterEvent = status("true");
        statusWithout = status("false");
    }

    private Counter claims(String step) {
        return Counter.builder("kefu.proactive.claims").description("Claims started proactively (offered) and submitted from that offer (created)")
                .tag("step", step).register(registry);
    }

    private Counter followUps(String outcome) {
        return Counter.builder("kefu.follow_ups").description("Follow-up visits sent, and answered with a rating")
                .tag("outcome", outcome).register(registry);
    }

    private Counter status(String afterEvent) {
        return Counter.builder("kefu.status_questions").description("Where-is-my-order/refund questions, by whether a proactive message came first")
                .tag("after_event", afterEvent).register(registry);
    }

    void outcome(Outreach.Kind kind, Outreach.Outcome outcome) {
        if (outcome == Outreach.Outcome.SENT) {
            sent.get(kind).increment();
            if (kind == Outreach.Kind.FOLLOW_UP) {
                followUpsSent.increment();
            }
        } else {
            held.get(outcome).increment();
        }
    }

    void claimOffered() {
        claimsOffered.increment();
    }

    void claimCreated() {
        claimsCreated.increment();
    }

    void followUpAnswered() {
        followUpsAnswered.increment();
    }

    void statusQuestion(boolean afterEvent) {
        (afterEvent ? statusAfterEvent : statusWithout).increment();
    }
}
