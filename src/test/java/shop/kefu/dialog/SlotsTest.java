package shop.kefu.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import shop.kefu.aftersales.Order;
import shop.kefu.policy.ClaimKind;
import shop.kefu.policy.ClaimReason;

/** The reason a request has for its order: by category, by the time since delivery, or implied. */
class SlotsTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 30, 12, 0, 0, 0, ZoneOffset.UTC);

    private static Order order(String category, OffsetDateTime deliveredAt) {
        return new Order("O1", "C1", category, List.of(new Order.Item("S1", "货", 1, BigDecimal.TEN, false, null)), "delivered",
                deliveredAt);
    }

    @Test
    void damageToLastingGoodsIsAQualityProblemOnceAWeekHasPassedSinceDelivery() {
        assertEquals(ClaimReason.DAMAGED, Slots.forOrder(ClaimReason.DAMAGED, order("furniture", NOW.minusDays(7)), NOW));
        assertEquals(ClaimReason.QUALITY, Slots.forOrder(ClaimReason.DAMAGED, order("furniture", NOW.minusDays(7).minusMinutes(1)), NOW));
        assertEquals(ClaimReason.QUALITY, Slots.forOrder(ClaimReason.DAMAGED, order("appliance", NOW.minusDays(60)), NOW));
        // the same instant written in another zone
        assertEquals(ClaimReason.DAMAGED,
                Slots.forOrder(ClaimReason.DAMAGED, order("appliance", NOW.minusDays(6).withOffsetSameInstant(ZoneOffset.ofHours(8))), NOW));
    }

    @Test
    void freshGoodsAndUndeliveredOrdersKeepTheirReasonPerCategory() {
        assertEquals(ClaimReason.DAMAGED, Slots.forOrder(ClaimReason.DAMAGED, order("fresh", NOW.minusDays(30)), NOW));
        assertEquals(ClaimReason.DAMAGED, Slots.forOrder(ClaimReason.DAMAGED, order("furniture", null), NOW));
        assertEquals(ClaimReason.SPOILED, Slots.forOrder(ClaimReason.QUALITY, order("fresh", NOW.minusHours(5)), NOW));
        assertEquals(ClaimReason.QUALITY, Slots.forOrder(ClaimReason.SPOILED, order("appliance", NOW.minusHours(5)), NOW));
        assertNull(Slots.forOrder(null, order("appliance", NOW.minusDays(1)), NOW));
    }

    @Test
    void unusedGoodsGoingBackWithNoProblemNamedAreANoReasonReturnExceptFreshOnes() {
        assertEquals(ClaimReason.NO_REASON, Slots.implied(ClaimKind.RETURN, true, "furniture"));
        assertEquals(ClaimReason.NO_REASON, Slots.implied(ClaimKind.REFUND, true, "appliance"));
        assertNull(Slots.implied(ClaimKind.RETURN, true, "fresh"));
        assertNull(Slots.implied(ClaimKind.RETURN, null, "furniture"));
        assertNull(Slots.implied(ClaimKind.RETURN, false, "furniture"));
        assertNull(Slots.implied(ClaimKind.REPLACEMENT, true, "furniture"));
    }
}
