package shop.kefu.report;

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

    /** Only the unanswered questions of the range (the editors' gaps). */
    public ServiceReport.Unanswered gaps(String from, String to) {
        return unanswered.of(ReportRange.parse(from, to, config.zone(), config.maxDays()));
    }
}
