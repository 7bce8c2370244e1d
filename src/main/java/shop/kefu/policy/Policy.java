package shop.kefu.policy;

import java.math.BigDecimal;

/** The shop's after-sales rules, as numbers staff can change (knowledge-base/policies.properties). */
public record Policy(
        int freshClaimWindowHours,
        boolean freshEvidenceRequired,
        BigDecimal freshSmallClaimLimit,
        boolean freshNoReasonReturn,
        int applianceNoReasonReturnDays,
        int applianceQualityReturnDays,
        int applianceQualityExchangeDays,
        int appliancePriceProtectionDays,
        int applianceWarrantyDays,
        int furnitureReturnDays,
        int furnitureQualityRepairDays,
        Delay delay) {

    /**
     * Compensation for a late delivery announced in advance: a free-shipping voucher from
     * {@code freeShippingHours} late, a coupon of the category's amount from {@code couponHours} late.
     */
    public record Delay(int freeShippingHours, int couponHours, BigDecimal freshCoupon, BigDecimal applianceCoupon,
            BigDecimal furnitureCoupon) {
    }
}
