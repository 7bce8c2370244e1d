package shop.kefu.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import shop.kefu.policy.Decision.Outcome;

class PolicyEngineTest {

    static final Policy P = PolicyFile.load(Path.of("knowledge-base/policies.properties"));
    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-22T12:00:00+08:00");

    static OrderFacts order(String category, long hoursAgo, boolean custom, String paid) {
        return new OrderFacts(category, NOW.minusHours(hoursAgo), custom, new BigDecimal(paid), BigDecimal.ZERO);
    }

    static ClaimRequest claim(ClaimKind kind, ClaimReason reason, int photos, boolean unused, String amount) {
        return new ClaimRequest(kind, reason, photos, unused, new BigDecimal(amount));
    }

    static Decision decide(ClaimRequest r, OrderFacts o) {
        return PolicyEngine.decide(P, r, o, NOW);
    }

    @Test
    void smallFreshClaimWithAPhotoIsApprovedAtOnce() {
        Decision d = decide(claim(ClaimKind.REFUND, ClaimReason.SPOILED, 1, false, "19.90"), order("fresh", 20, false, "39.80"));
        assertEquals(Outcome.APPROVED, d.outcome());
        assertEquals("fresh.small-claim-limit", d.rule());
        assertEquals(new BigDecimal("19.90"), d.amount());
        assertTrue(d.reason().contains("优先赔付"));
    }

    @Test
    void theInstantPayoutLimitCountsWhatWasAlreadyGrantedOnTheItem() {
        OrderFacts claimedBefore = new OrderFacts("fresh", NOW.minusHours(20), false, new BigDecimal("80.00"), new BigDecimal("40.00"));
        Decision d = decide(claim(ClaimKind.REFUND, ClaimReason.DAMAGED, 1, false, "20.00"), claimedBefore);
        assertEquals(Outcome.REVIEW, d.outcome(), "40 before + 20 now is over the 50 of an instant payout");
        assertTrue(d.reason().contains("累计"), d.reason());
        assertEquals(Outcome.APPROVED, decide(claim(ClaimKind.REFUND, ClaimReason.DAMAGED, 1, false, "20.00"),
                order("fresh", 20, false, "80.00")).outcome(), "the same claim alone is paid at once");
    }

    @Test
    void largeFreshClaimGoesToReview() {
        Decision d = decide(claim(ClaimKind.REFUND, ClaimReason.SPOILED, 2, false, "268.00"), order("fresh", 5, false, "268.00"));
        assertEquals(Outcome.REVIEW, d.outcome());
        assertTrue(d.reason().contains("审核"));
    }

    @Test
    void freshClaimsNeedAPhotoAndMustBeWithin48Hours() {
        assertEquals(Outcome.NEEDS_EVIDENCE, decide(claim(ClaimKind.REFUND, ClaimReason.SPOILED, 0, false, "10"), order("fresh", 5, false, "10")).outcome());
        Decision late = decide(claim(ClaimKind.REFUND, ClaimReason.SPOILED, 1, false, "10"), order("fresh", 49, false, "10"));
        assertEquals(Outcome.REJECTED, late.outcome());
        assertEquals("fresh.claim-window-hours", late.rule());
        assertEquals(Outcome.APPROVED, decide(claim(ClaimKind.RESHIP, ClaimReason.MISSING, 1, false, "10"), order("fresh", 48, false, "10")).outcome());
    }

    @Test
    void perishablesHaveNoNoReasonReturn() {
        Decision d = decide(claim(ClaimKind.REFUND, ClaimReason.NO_REASON, 1, true, "10"), order("fresh", 2, false, "10"));
        assertEquals(Outcome.REJECTED, d.outcome());
        assertEquals("fresh.no-reason-return", d.rule());
    }

    @Test
    void refundsNeverExceedWhatWasPaid() {
        Decision d = decide(claim(ClaimKind.REFUND, ClaimReason.SPOILED, 1, false, "999"), order("fresh", 2, false, "30"));
        assertEquals(new BigDecimal("30.00"), d.amount());
        OrderFacts partlyClaimed = new OrderFacts("fresh", NOW.minusHours(2), false, new BigDecimal("30"), new BigDecimal("25"));
        assertEquals(new BigDecimal("5.00"), decide(claim(ClaimKind.REFUND, ClaimReason.SPOILED, 1, false, "30"), partlyClaimed).amount());
        OrderFacts fullyClaimed = new OrderFacts("fresh", NOW.minusHours(2), false, new BigDecimal("30"), new BigDecimal("30"));
        assertEquals(Outcome.REJECTED, decide(claim(ClaimKind.REFUND, ClaimReason.SPOILED, 1, false, "30"), fullyClaimed).outcome());
    }

    @Test
    void appliance303018030Windows() {
        OrderFacts fridge3Days = order("appliance", 3 * 24, false, "3999");
        assertEquals(Outcome.APPROVED, decide(claim(ClaimKind.REPLACEMENT, ClaimReason.QUALITY, 0, false, "3999"), fridge3Days).outcome());
        assertEquals(Outcome.APPROVED, decide(claim(ClaimKind.RETURN, ClaimReason.QUALITY, 0, false, "3999"), order("appliance", 30 * 24, false, "3999")).outcome());
        Decision day31 = decide(claim(ClaimKind.RETURN, ClaimReason.QUALITY, 0, false, "3999"), order("appliance", 31 * 24, false, "3999"));
        assertEquals(Outcome.REJECTED, day31.outcome());
        assertTrue(day31.reason().contains("180天内可以申请换货"), day31.reason());
        assertEquals(Outcome.APPROVED, decide(claim(ClaimKind.REPLACEMENT, ClaimReason.QUALITY, 0, false, "3999"), order("appliance", 180 * 24, false, "3999")).outcome());
        Decision day181 = decide(claim(ClaimKind.REPLACEMENT, ClaimReason.QUALITY, 0, false, "3999"), order("appliance", 181 * 24, false, "3999"));
        assertEquals(Outcome.REJECTED, day181.outcome());
        assertTrue(day181.reason().contains("免费上门维修"));
    }

    @Test
    void applianceNoReasonReturnNeedsUnusedGoodsWithin7Days() {
        assertEquals(Outcome.APPROVED, decide(claim(ClaimKind.RETURN, ClaimReason.NO_REASON, 0, true, "599"), order("appliance", 6 * 24, false, "599")).outcome());
        assertEquals(Outcome.REJECTED, decide(claim(ClaimKind.RETURN, ClaimReason.NO_REASON, 0, false, "599"), order("appliance", 6 * 24, false, "599")).outcome());
        assertEquals(Outcome.REJECTED, decide(claim(ClaimKind.RETURN, ClaimReason.NO_REASON, 0, true, "599"), order("appliance", 8 * 24, false, "599")).outcome());
    }

    @Test
    void priceProtectionIsFor30DaysOnAppliances() {
        Decision d = decide(claim(ClaimKind.REFUND, ClaimReason.PRICE_DROP, 0, false, "200"), order("appliance", 10 * 24, false, "2999"));
        assertEquals(Outcome.APPROVED, d.outcome());
        assertEquals(new BigDecimal("200.00"), d.amount());
        assertEquals(Outcome.REJECTED, decide(claim(ClaimKind.REFUND, ClaimReason.PRICE_DROP, 0, false, "200"), order("appliance", 31 * 24, false, "2999")).outcome());
        assertEquals(Outcome.REJECTED, decide(claim(ClaimKind.REFUND, ClaimReason.PRICE_DROP, 0, false, "2"), order("fresh", 2, false, "20")).outcome());
    }

    @Test
    void customFurnitureIsRepairedOrReplacedNeverReturnedWithoutReason() {
        OrderFacts custom = order("furniture", 2 * 24, true, "5600");
        assertEquals("furniture.custom", decide(claim(ClaimKind.RETURN, ClaimReason.NO_REASON, 0, true, "5600"), custom).rule());
        assertEquals(Outcome.REJECTED, decide(claim(ClaimKind.RETURN, ClaimReason.QUALITY, 1, false, "5600"), custom).outcome());
        Decision replace = decide(claim(ClaimKind.REPLACEMENT, ClaimReason.DAMAGED, 1, false, "5600"), custom);
        assertEquals(Outcome.APPROVED, replace.outcome());
        assertEquals(0, replace.amount().signum());
        assertEquals(Outcome.APPROVED, decide(claim(ClaimKind.RETURN, ClaimReason.NO_REASON, 0, true, "1299"), order("furniture", 5 * 24, false, "1299")).outcome());
        assertEquals(Outcome.REJECTED, decide(claim(ClaimKind.RETURN, ClaimReason.NO_REASON, 0, true, "1299"), order("furniture", 8 * 24, false, "1299")).outcome());
    }

    @Test
    void undeliveredOrdersCannotBeClaimed() {
        OrderFacts pending = new OrderFacts("fresh", null, false, new BigDecimal("10"), BigDecimal.ZERO);
        assertEquals(Outcome.REJECTED, decide(claim(ClaimKind.REFUND, ClaimReason.SPOILED, 1, false, "10"), pending).outcome());
    }

    @Test
    void policyFileProblemsNameTheLine() throws Exception {
        List<String> lines = new java.util.ArrayList<>(java.nio.file.Files.readAllLines(Path.of("knowledge-base/policies.properties")));
        int at = lines.indexOf("fresh.small-claim-limit=50");
        lines.set(at, "fresh.small-claim-limit=fifty");
        var e = assertThrows(PolicyFile.InvalidPolicyException.class, () -> PolicyFile.parse("p.properties", lines));
        assertTrue(e.getMessage().startsWith("p.properties:" + (at + 1) + ": fresh.small-claim-limit"), e.getMessage());
        e = assertThrows(PolicyFile.InvalidPolicyException.class, () -> PolicyFile.parse("p.properties", List.of("nonsense")));
        assertTrue(e.getMessage().contains(":1"));
        e = assertThrows(PolicyFile.InvalidPolicyException.class, () -> PolicyFile.parse("p.properties", List.of("fresh.claim-window-hours=48")));
        assertTrue(e.getMessage().contains("missing key"));
    }

    @Test
    void staffCanChangeTheSmallClaimLimit() {
        Policy generous = new Policy(48, true, new BigDecimal("100"), false, 7, 30, 180, 30, 365, 7, 365,
                new Policy.Delay(2, 12, BigDecimal.TEN, BigDecimal.TEN, BigDecimal.TEN));
        ClaimRequest r = claim(ClaimKind.REFUND, ClaimReason.DAMAGED, 1, false, "80");
        assertEquals(Outcome.REVIEW, decide(r, order("fresh", 2, false, "80")).outcome());
        assertEquals(Outcome.APPROVED, PolicyEngine.decide(generous, r, order("fresh", 2, false, "80"), NOW).outcome());
    }

    @Test
    void aCarrierReportWaivesOnlyThePhoto() {
        ClaimRequest reported = new ClaimRequest(ClaimKind.REFUND, ClaimReason.SPOILED, 0, false, new BigDecimal("19.90"), true);
        Decision d = decide(reported, order("fresh", 20, false, "39.80"));
        assertEquals(Outcome.APPROVED, d.outcome(), "no photo needed when the carrier reported the broken cold chain");
        assertEquals(Outcome.NEEDS_EVIDENCE, decide(claim(ClaimKind.REFUND, ClaimReason.SPOILED, 0, false, "19.90"),
                order("fresh", 20, false, "39.80")).outcome(), "the shopper's own word still needs one");
        ClaimRequest large = new ClaimRequest(ClaimKind.REFUND, ClaimReason.SPOILED, 0, false, new BigDecimal("268.00"), true);
        assertEquals(Outcome.REVIEW, decide(large, order("fresh", 5, false, "268.00")).outcome(), "the instant limit still holds");
        assertEquals(Outcome.REJECTED, decide(reported, order("fresh", 60, false, "39.80")).outcome(), "and the 48-hour window");
    }

    @Test
    void delayCompensationFollowsTheDelayRulesAndTheCategory() {
        Compensation coupon = PolicyEngine.delayCompensation(P, "fresh", java.time.Duration.ofHours(12));
        assertEquals(Compensation.Kind.COUPON, coupon.kind());
        assertEquals("delay.coupon-hours", coupon.rule());
        assertEquals(new BigDecimal("10.00"), coupon.amount());
        assertEquals(new BigDecimal("50.00"), PolicyEngine.delayCompensation(P, "furniture", java.time.Duration.ofHours(30)).amount());
        Compensation voucher = PolicyEngine.delayCompensation(P, "appliance", java.time.Duration.ofMinutes(11 * 60 + 59));
        assertEquals(Compensation.Kind.FREE_SHIPPING, voucher.kind(), "just under the coupon's 12 hours");
        assertEquals("delay.free-shipping-hours", voucher.rule());
        Compensation nothing = PolicyEngine.delayCompensation(P, "fresh", java.time.Duration.ofMinutes(119));
        assertEquals(Compensation.Kind.NONE, nothing.kind());
        assertEquals("delay.free-shipping-hours", nothing.rule());
        assertEquals(Compensation.Kind.FREE_SHIPPING, PolicyEngine.delayCompensation(P, "toys", java.time.Duration.ofHours(20)).kind(),
                "a category without a coupon amount gets the voucher");
    }

    @Test
    void aRepairIsFreeOnlyWithinTheWarrantyOrTheFurnitureQualityPeriod() {
        Decision inWarranty = PolicyEngine.repairCover(P, order("appliance", 300 * 24, false, "2999.00"), NOW);
        assertEquals(Outcome.APPROVED, inWarranty.outcome());
        assertEquals("appliance.warranty-days", inWarranty.rule());
        Decision pastWarranty = PolicyEngine.repairCover(P, order("appliance", 400 * 24, false, "2999.00"), NOW);
        assertEquals(Outcome.REJECTED, pastWarranty.outcome());
        assertEquals("appliance.warranty-days", pastWarranty.rule());
        assertTrue(pastWarranty.reason().contains("365"), pastWarranty.reason());
        Decision oldWardrobe = PolicyEngine.repairCover(P, order("furniture", 400 * 24, true, "5999.00"), NOW);
        assertEquals(Outcome.REJECTED, oldWardrobe.outcome());
        assertEquals("furniture.quality-repair-days", oldWardrobe.rule());
        assertEquals(Outcome.APPROVED, PolicyEngine.repairCover(P, order("furniture", 200 * 24, false, "899.00"), NOW).outcome());
        assertEquals(Outcome.APPROVED, PolicyEngine.repairCover(P, order("appliance", 365 * 24, false, "99.00"), NOW).outcome(),
                "the last day of the warranty");
        assertEquals(Outcome.REJECTED, PolicyEngine.repairCover(P, order("appliance", 366 * 24, false, "99.00"), NOW).outcome(),
                "the day after");
        Decision notDelivered = PolicyEngine.repairCover(P, new OrderFacts("appliance", null, false, new BigDecimal("99.00"), BigDecimal.ZERO),
                NOW);
        assertEquals("order.not-delivered", notDelivered.rule());
    }
}
