package shop.kefu.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import shop.kefu.common.Refusal;

/** The days a report covers, both included, as the instants [start, end) in the shop's time zone. */
record ReportRange(LocalDate from, LocalDate to, OffsetDateTime start, OffsetDateTime end) {

    static ReportRange parse(String from, String to, ZoneId zone, int maxDays) {
        LocalDate first = date("from", from);
        LocalDate last = date("to", to);
        if (last.isBefore(first)) {
            throw Refusal.invalid("invalid_range", "'to' (" + last + ") is before 'from' (" + first + ").");
        }
        long days = ChronoUnit.DAYS.between(first, last) + 1;
        if (days > maxDays) {
            throw Refusal.invalid("range_too_long", "The range covers " + days + " days; at most " + maxDays
                    + " (kefu.report.max-days) per report.");
        }
        return new ReportRange(first, last, first.atStartOfDay(zone).toOffsetDateTime(),
                last.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            throw Refusal.invalid("missing_" + name, "Query parameter '" + name + "' is required (a date, e.g. 2026-11-01).");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("invalid_" + name, "'" + name + "' must be a date like 2026-11-01, not '" + value + "'.");
        }
    }
}
