package shop.kefu.proactive;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

class QuietHoursTest {

    private static OffsetDateTime shanghai(String time) {
        return OffsetDateTime.parse("2026-11-30T" + time + ":00+08:00");
    }

    @Test
    void aWindowOverMidnightIsQuietOnBothSidesInItsZone() {
        QuietHours night = QuietHours.parse("21:00-09:00", "Asia/Shanghai");
        assertTrue(night.contains(shanghai("23:30")));
        assertTrue(night.contains(shanghai("03:00")));
        assertTrue(night.contains(shanghai("21:00")));
        assertFalse(night.contains(shanghai("09:00")));
        assertFalse(night.contains(shanghai("14:00")));
        assertTrue(night.contains(OffsetDateTime.parse("2026-11-30T14:00:00Z")), "22:00 in Shanghai");
    }

    @Test
    void aDaytimeWindowAndAnEmptyOne() {
        QuietHours lunch = QuietHours.parse("12:00-13:30", "Asia/Shanghai");
        assertTrue(lunch.contains(shanghai("12:45")));
        assertFalse(lunch.contains(shanghai("13:30")));
        assertFalse(QuietHours.parse("00:00-00:00", "Asia/Shanghai").contains(shanghai("03:00")));
        assertThrows(IllegalArgumentException.class, () -> QuietHours.parse("night", "Asia/Shanghai"));
    }
}
