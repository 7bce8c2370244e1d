package shop.kefu.report;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import shop.kefu.handoff.HandoffConfig;

/**
 * First-response and resolution times of the conversations of the range that went to a human, against
 * the promises of kefu.handoff.first-response and kefu.handoff.solution. The times are worked out here
 * rather than in SQL, where interval arithmetic differs between H2 and PostgreSQL; only handed-off
 * conversations are read.
 */
@ApplicationScoped
class ServiceLevelFigures {

    @Inject
    Queries queries;
    @Inject
    HandoffConfig promises;

    private record Handled(OffsetDateTime handoffAt, OffsetDateTime firstReplyAt, OffsetDateTime resolvedAt) {
    }

    ServiceReport.ServiceLevels of(ReportRange range) {
        List<Handled> rows = queries.list("""
                SELECT c.handoff_at, c.first_agent_reply_at, c.resolved_at FROM conversation c
                WHERE c.created_at >= ? AND c.created_at < ? AND c.handoff_at IS NOT NULL""", range,
                r -> new Handled(r.getObject(1, OffsetDateTime.class), r.getObject(2, OffsetDateTime.class),
                        r.getObject(3, OffsetDateTime.class)));
        OffsetDateTime now = OffsetDateTime.now();
        return new ServiceReport.ServiceLevels(level(rows, Handled::firstReplyAt, promises.firstResponse(), now),
                level(rows, Handled::resolvedAt, promises.solution(), now));
    }

    private static ServiceReport.Level level(List<Handled> rows, Function<Handled, OffsetDateTime> done,
            Duration promise, OffsetDateTime now) {
        long met = 0;
        long missed = 0;
        long pending = 0;
        List<Double> minutes = new ArrayList<>();
        for (Handled h : rows) {
            OffsetDateTime at = done.apply(h);
            if (at == null) {
                if (Duration.between(h.handoffAt(), now).compareTo(promise) > 0) {
                    missed++;
                } else {
                    pending++;
                }
                continue;
            }
            Duration took = Duration.between(h.handoffAt(), at);
            minutes.add(took.toMillis() / 60000.0);
            if (took.compareTo(promise) <= 0) {
                met++;
            } else {
                missed++;
            }
        }
        minutes.sort(null);
        Double average = minutes.isEmpty() ? null : round(minutes.stream().mapToDouble(Double::doubleValue).average().orElseThrow());
        return new ServiceReport.Level(promise.toMinutes(), rows.size(), met, missed, pending, Queries.rate(met, met + missed),
                average, percentile(minutes, 0.5), percentile(minutes, 0.9));
    }

    /** Nearest rank. */
    private static Double percentile(List<Double> sorted, double p) {
        return sorted.isEmpty() ? null : round(sorted.get((int) Math.ceil(p * sorted.size()) - 1));
    }

    private static double round(double minutes) {
        return Math.round(minutes * 10) / 10.0;
    }
}
