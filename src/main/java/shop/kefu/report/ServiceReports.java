package shop.kefu.report;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Puts the report together from its parts. */
@ApplicationScoped
class ServiceReports {

    @Inject
    ReportConfig config;
    @Inject
    ConversationFigures conversations;
    @Inject
    TurnFigures turns;
    @Inject
    ServiceLevelFigures serviceLevels;
    @Inject
    CsatFigures csat;
    @Inject
    AfterSalesFigures aftersales;
    @Inject
    UnansweredQuestions unanswered;

    ServiceReport of(String from, String to) {
        ReportRange range = ReportRange.parse(from, to, config.zone(), config.maxDays());
        return new ServiceReport(range.from(), range.to(), config.zone().getId(), conversations.of(range), turns.of(range),
                serviceLevels.of(range), csat.of(range), aftersales.of(range), unanswered.of(range));
    }

    /** Days the gaps cover when no range is given: the last week, today included. */
    private static final int GAP_DAYS = 7;

    /**
     * Only the unanswered questions of the range (the editors' gaps); without {@code from} and {@code to},
     * the last {@value #GAP_DAYS} days of the report's zone, so a console need not know the shop's zone.
     */
    public ServiceReport.Unanswered gaps(String from, String to) {
        if ((from == null || from.isBlank()) && (to == null || to.isBlank())) {
            LocalDate today = LocalDate.now(config.zone());
            from = today.minusDays(GAP_DAYS - 1).toString();
            to = today.toString();
        }
        return unanswered.of(ReportRange.parse(from, to, config.zone(), config.maxDays()));
    }
}
