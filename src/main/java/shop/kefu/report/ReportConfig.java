package shop.kefu.report;

import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The managers' report (GET /api/reports/service). */
@ConfigMapping(prefix = "kefu.report")
public interface ReportConfig {

    /** The time zone the report's dates are days of (the shop's). */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** The longest range one report may cover, in days: the cost of a report follows its range. */
    @WithDefault("92")
    int maxDays();

    /** The most recent unanswered questions of the range that are grouped (each is embedded once). */
    @WithDefault("300")
    int unansweredLimit();

    /**
     * Cosine similarity at which a question joins a group (bge-small-zh vectors): paraphrases of one
     * question score above it, different questions about the same product below (docs/api.md).
     */
    @WithDefault("0.75")
    double groupSimilarity();

    /** A rating at or below this is a bad one: the questions the bot answered in that conversation count as unanswered. */
    @WithDefault("2")
    int badRating();
}
