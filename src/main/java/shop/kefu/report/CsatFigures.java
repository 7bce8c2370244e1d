package shop.kefu.report;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Shoppers' ratings of the conversations of the range: average, distribution and per agent who resolved. */
@ApplicationScoped
class CsatFigures {

    @Inject
    Queries queries;

    ServiceReport.Csat of(ReportRange range) {
        Map<Integer, Long> distribution = new TreeMap<>();
        for (int score = 1; score <= 5; score++) {
            distribution.put(score, 0L);
        }
        queries.list("SELECT c.rating, COUNT(*) FROM conversation c WHERE c.created_at >= ? AND c.created_at < ? "
                + "AND c.rating IS NOT NULL GROUP BY c.rating", range, r -> distribution.put(r.getInt(1), r.getLong(2)));
        long ratings = distribution.values().stream().mapToLong(Long::longValue).sum();
        long sum = distribution.entrySet().stream().mapToLong(e -> e.getKey() * e.getValue()).sum();
        // averages from sums in Java: H2 and PostgreSQL differ on AVG of integers
        List<ServiceReport.AgentCsat> agents = queries.list("""
                SELECT c.agent_id, MAX(c.agent_name), COUNT(*), SUM(c.rating) FROM conversation c
                WHERE c.created_at >= ? AND c.created_at < ? AND c.rating IS NOT NULL AND c.agent_id IS NOT NULL
                GROUP BY c.agent_id ORDER BY COUNT(*) DESC, c.agent_id""", range,
                r -> new ServiceReport.AgentCsat(r.getString(1), r.getString(2), r.getLong(3), average(r.getLong(4), r.getLong(3))));
        return new ServiceReport.Csat(ratings, average(sum, ratings), distribution, agents);
    }

    private static Double average(long sum, long count) {
        return count == 0 ? null : Math.round(sum * 100.0 / count) / 100.0;
    }
}
