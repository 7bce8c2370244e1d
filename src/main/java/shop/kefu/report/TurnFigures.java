package shop.kefu.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import shop.kefu.conversation.TurnOutcome;

/** Answer, clarify and handoff shares of the bot's turns, counted through the (outcome, created_at) index. */
@ApplicationScoped
class TurnFigures {

    @Inject
    Queries queries;

    ServiceReport.Turns of(ReportRange range) {
        long answer = count(range, TurnOutcome.ANSWER);
        long clarify = count(range, TurnOutcome.CLARIFY);
        long handoff = count(range, TurnOutcome.HANDOFF);
        long total = answer + clarify + handoff;
        return new ServiceReport.Turns(total, share(answer, total), share(clarify, total), share(handoff, total));
    }

    private long count(ReportRange range, TurnOutcome outcome) {
        return queries.count("SELECT COUNT(*) FROM chat_event WHERE created_at >= ? AND created_at < ? AND outcome = ?", range,
                outcome.wire());
    }

    private static ServiceReport.Share share(long count, long total) {
        return new ServiceReport.Share(count, Queries.rate(count, total));
    }
}
