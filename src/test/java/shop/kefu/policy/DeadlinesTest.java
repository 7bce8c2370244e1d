package shop.kefu.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The windows on the agent's order cards agree with what the engine decides at their edges. */
class DeadlinesTest {

    private static final Policy POLICY = new Policy(48, false, new BigDecimal("50"), false, 7, 30, 180, 30, 365, 7, 365,
            new Policy.Delay(2, 12, BigDecimal.TEN, BigDecimal.TEN, BigDecimal.TEN));
    private static final OffsetDateTime DELIVERED = OffsetDateTime.parse("2026-11-20T18:00:00+08:00");

    private static Decision decide(ClaimKind kind, ClaimReason reason, String category, OffsetDateTime now) {
        return PolicyEngine.decide(POLICY, new ClaimRequest(kind, reason, 1, true, new BigDecimal("10")),
                new OrderFacts(category, DELIVERED, false, new BigDecimal("100"), BigDecimal.ZERO), now);
    }

    @Test
    void eachWindowIsOpenExactlyWhileTheEngineStillApproves() {
        for (OffsetDateTime now : List.of(DELIVERED.plusHours(48), DELIVERED.plusHours(48).plusSeconds(59), DELIVERED.plusHours(48).plusMinutes(1), DELIVERED.plusDays(7).plusMinutes(30),
                DELIVERED.plusDays(7).plusHours(1), DELIVERED.plusDays(30).plusMinutes(59), DELIVERED.plusDays(30).plusMinutes(59).plusSeconds(59), DELIVERED.plusDays(30).plusHours(1), DELIVERED.plusDays(31))) {
            var fresh = Deadlines.of(POLICY, "fresh", DELIVERED, false, now).get(0);
            assertEquals(decide(ClaimKind.REFUND, ClaimReason.SPOILED, "fresh", now).outcome() != Decision.Outcome.REJECTED, fresh.open(),
                    "fresh at " + now);
            var appliance = Deadlines.of(POLICY, "appliance", DELIVERED, false, now);
            assertEquals(decide(ClaimKind.RETURN, ClaimReason.NO_REASON, "appliance", now).outcome() == Decision.Outcome.APPROVED,
                    appliance.get(0).open(), "no-reason return at " + now);
            assertEquals(decide(ClaimKind.RETURN, ClaimReason.QUALITY, "appliance", now).outcome() == Decision.Outcome.APPROVED,
                    appliance.get(1).open(), "quality return at " + now);
        }
    }

    @Test
    void untilIsTheLastSecondTheEngineStillGrants() {
        assertEquals(OffsetDateTime.parse("2026-11-22T18:00:59+08:00"), Deadlines.of(POLICY, "fresh", DELIVERED, false, DELIVERED).get(0).until());
        assertEquals(OffsetDateTime.parse("2026-11-27T18:59:59+08:00"), Deadlines.of(POLICY, "appliance", DELIVERED, false, DELIVERED).get(0).until());
    }

    @Test
    void customFurnitureHasNoReturnWindowAndUndeliveredOrdersNone() {
        assertEquals(List.of("furniture.quality-repair-days"),
                Deadlines.of(POLICY, "furniture", DELIVERED, true, DELIVERED).stream().map(Deadlines.Deadline::rule).toList());
        assertEquals(List.of(), Deadlines.of(POLICY, "fresh", null, false, DELIVERED));
    }
}
