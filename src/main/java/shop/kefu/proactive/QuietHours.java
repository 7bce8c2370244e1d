package shop.kefu.proactive;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** A window of local time without follow-ups ({@code 21:00-09:00}); it may span midnight. */
record QuietHours(LocalTime from, LocalTime to, ZoneId zone) {

    static QuietHours parse(String window, String zone) {
        String[] parts = window.strip().split("-");
        try {
            if (parts.length != 2) {
                throw new DateTimeParseException("", window, 0);
            }
            return new QuietHours(LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip()), ZoneId.of(zone));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("kefu.proactive.quiet-hours must be HH:mm-HH:mm, not '" + window + "'", e);
        }
    }

    boolean contains(OffsetDateTime at) {
        LocalTime t = at.atZoneSameInstant(zone).toLocalTime();
        if (from.equals(to)) {
            return false; // an empty window: no quiet hours
        }
        return from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
    }
}
