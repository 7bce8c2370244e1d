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
        int furnitureQualityRepairDays) {
}
