package shop.kefu.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.OffsetDateTime;

import shop.kefu.policy.Decision.Outcome;

/**
 * Decides after-sales eligibility: a pure function of the request, the order facts, the policy and the
 * time. Nothing a shopper or a model writes reaches an after-sales order without passing here.
 */
public final class PolicyEngine {

    private PolicyEngine() {
    }

    public static Decision decide(Policy p, ClaimRequest r, OrderFacts o, OffsetDateTime now) {
        if (o.deliveredAt() == null) {
            return reject("order.not-delivered", "订单还没有签收，暂时不能申请售后。");
        }
        BigDecimal remaining = o.paid().subtract(o.alreadyClaimed()).max(BigDecimal.ZERO);
        if (remaining.signum() == 0) {
            return reject("order.already-claimed", "这件商品已经全额申请过售后，不能重复申请。");
        }
        if (r.kind() == ClaimKind.REPLACEMENT && o.alreadyClaimed().signum() > 0) {
            // A new item on top of money already granted for this one would pay twice for one loss.
            return reject("order.already-claimed", "这件商品已经申请过退款或补发，不能再换货；如有其他问题，可以转人工为您处理。");
        }
        BigDecimal amount = r.amount().min(remaining).setScale(2, RoundingMode.HALF_UP);
        Duration since = Duration.between(o.deliveredAt(), now);
        if (r.reason() == ClaimReason.GOODWILL) {
            return goodwill(p, r, amount);
        }
        return switch (o.category()) {
            case "fresh" -> fresh(p, r, since, amount, o.alreadyClaimed());
            case "appliance" -> appliance(p, r, since, amount);
            case "furniture" -> furniture(p, r, o, since, amount);
            default -> reject("category.unknown", "这类商品的售后需要人工处理。");
        };
    }

    /**
     * The instant payout ("优先赔付") is for small losses: it counts what was already granted on the
     * item, so several small claims under different reasons do not add up to a large unreviewed refund.
     */
    private static Decision fresh(Policy p, ClaimRequest r, Duration since, BigDecimal amount, BigDecimal alreadyClaimed) {
        if (r.reason() == ClaimReason.NO_REASON && !p.freshNoReasonReturn()) {
            return reject("fresh.no-reason-return", "生鲜、冷藏冷冻等易腐商品不支持7天无理由退货；如果商品有质量问题（变质、破损、错发、漏发），可以在签收后"
                    + p.freshClaimWindowHours() + "小时内拍照申请。");
        }
        if (r.reason() == ClaimReason.PRICE_DROP) {
            return reject("price-protection.appliance-only", "价格保护只适用于家电商品，生鲜价格随市场波动，暂不提供退差价。");
        }
        if (r.kind() != ClaimKind.REFUND && r.kind() != ClaimKind.RESHIP) {
            return reject("fresh.kinds", "生鲜商品有问题无需寄回，可以申请退款或补发。");
        }
        if (since.toMinutes() > p.freshClaimWindowHours() * 60L) {
            return reject("fresh.claim-window-hours", "生鲜商品的质量问题需要在签收后" + p.freshClaimWindowHours()
                    + "小时内申请，这笔订单已经签收" + hours(since) + "，超过了时限。");
        }
        if (p.freshEvidenceRequired() && r.evidenceCount() == 0 && !r.carrierReported()) {
            return new Decision(Outcome.NEEDS_EVIDENCE, "fresh.evidence-required",
                    "生鲜售后需要一张能看清问题的照片，请点击图片按钮上传。", amount);
        }
        BigDecimal total = amount.add(alreadyClaimed);
        if (total.compareTo(p.freshSmallClaimLimit()) <= 0) {
            return new Decision(Outcome.APPROVED, "fresh.small-claim-limit", "签收后" + p.freshClaimWindowHours() + "小时内、金额 ¥"
                    + amount.toPlainString() + " 不超过 ¥" + p.freshSmallClaimLimit().toPlainString() + "，按“优先赔付”规则无需审核，立即为您"
                    + r.kind().label + "。", amount);
        }
        String sum = alreadyClaimed.signum() == 0 ? "金额 ¥" + amount.toPlainString()
                : "这件商品累计申请 ¥" + total.toPlainString() + "（含之前的 ¥" + alreadyClaimed.toPlainString() + "）";
        return new Decision(Outcome.REVIEW, "fresh.small-claim-limit", sum + " 超过 ¥"
                + p.freshSmallClaimLimit().toPlainString() + " 的即时赔付额度，需要售后专员审核，通常24小时内给您答复。", amount);
    }

    private static Decision appliance(Policy p, ClaimRequest r, Duration since, BigDecimal amount) {
        long days = days(since);
        String elapsed = "签收已" + days + "天";
        switch (r.reason()) {
            case NO_REASON -> {
                if (r.kind() != ClaimKind.RETURN) {
                    return reject("appliance.no-reason-return-days", "无理由只能申请退货；如果商品有质量问题，请告诉我具体情况。");
                }
                if (days > p.applianceNoReasonReturnDays()) {
                    return reject("appliance.no-reason-return-days", "家电无理由退货需在签收后" + p.applianceNoReasonReturnDays() + "天内申请，"
                            + elapsed + "。如果商品有质量问题，" + p.applianceQualityReturnDays() + "天内可退、" + p.applianceQualityExchangeDays() + "天内可换。");
                }
                if (!r.unused()) {
                    return reject("appliance.no-reason-return-days", "家电无理由退货要求商品未使用、包装完好、配件齐全；已使用的商品如有质量问题可按质量问题申请。");
                }
                return approve("appliance.no-reason-return-days", "签收后" + p.applianceNoReasonReturnDays() + "天内、商品未使用，符合无理由退货，我们会安排上门取件。", amount);
            }
            case PRICE_DROP -> {
                if (days > p.appliancePriceProtectionDays()) {
                    return reject("appliance.price-protection-days", "价格保护期为签收后" + p.appliancePriceProtectionDays() + "天，" + elapsed + "。");
                }
                if (amount.signum() <= 0) {
                    return reject("appliance.price-protection-days", "这件商品目前没有降价，暂时不需要价保。");
                }
                return approve("appliance.price-protection-days", "签收后" + p.appliancePriceProtectionDays() + "天内降价，差价 ¥" + amount.toPlainString()
                        + " 原路退回。", amount);
            }
            default -> {
                if (r.kind() == ClaimKind.REPLACEMENT) {
                    if (days <= p.applianceQualityExchangeDays()) {
                        return approve("appliance.quality-exchange-days", "质量问题签收后" + p.applianceQualityExchangeDays() + "天内可换货（" + elapsed
                                + "），工程师检测确认后为您更换同型号新机。", BigDecimal.ZERO);
                    }
                    return reject("appliance.quality-exchange-days", "质量问题换货期为签收后" + p.applianceQualityExchangeDays() + "天，" + elapsed
                            + (days <= p.applianceWarrantyDays() ? "；仍在保修期内，可以为您预约免费上门维修。" : "，也已超出保修期。"));
                }
                if (days <= p.applianceQualityReturnDays()) {
                    return approve("appliance.quality-return-days", "质量问题签收后" + p.applianceQualityReturnDays() + "天内可退货（" + elapsed
                            + "），我们会安排上门取件检测，确认后退款。", amount);
                }
                return reject("appliance.quality-return-days", "质量问题退货期为签收后" + p.applianceQualityReturnDays() + "天，" + elapsed
                        + (days <= p.applianceQualityExchangeDays() ? "；" + p.applianceQualityExchangeDays() + "天内可以申请换货。" : "。"));
            }
        }
    }

    private static Decision furniture(Policy p, ClaimRequest r, OrderFacts o, Duration since, BigDecimal amount) {
        long days = days(since);
        String elapsed = "签收已" + days + "天";
        if (r.reason() == ClaimReason.PRICE_DROP) {
            return reject("price-protection.appliance-only", "价格保护只适用于家电商品。");
        }
        if (r.reason() == ClaimReason.NO_REASON) {
            if (o.custom()) {
                return reject("furniture.custom", "定制家具是按您的要求单独生产的，不支持无理由退换；如有质量问题，我们负责维修或更换。");
            }
            if (days > p.furnitureReturnDays()) {
                return reject("furniture.return-days", "家具退换需在签收后" + p.furnitureReturnDays() + "天内申请，" + elapsed + "。");
            }
            if (!r.unused()) {
                return reject("furniture.return-days", "家具退换要求未安装使用、包装完好；已使用的家具如有质量问题可以申请维修或更换。");
            }
            return approve("furniture.return-days", "签收后" + p.furnitureReturnDays() + "天内、未安装使用，可以" + r.kind().label + "，我们会预约上门取件。",
                    r.kind() == ClaimKind.REPLACEMENT ? BigDecimal.ZERO : amount);
        }
        if (r.kind() == ClaimKind.REPLACEMENT || r.kind() == ClaimKind.RESHIP) {
            if (days <= p.furnitureQualityRepairDays()) {
                return approve("furniture.quality-repair-days", "家具质量问题或送货破损，签收后" + p.furnitureQualityRepairDays()
                        + "天内免费更换或维修，我们会预约师傅上门。", BigDecimal.ZERO);
            }
            return reject("furniture.quality-repair-days", "家具质量保障期为签收后" + p.furnitureQualityRepairDays() + "天，" + elapsed + "。");
        }
        if (o.custom()) {
            return reject("furniture.custom", "定制家具有质量问题时为您免费维修或更换，不支持退货。");
        }
        if (days <= p.furnitureReturnDays()) {
            return approve("furniture.return-days", "签收后" + p.furnitureReturnDays() + "天内发现质量问题，可以退货，我们会预约上门取件。", amount);
        }
        return reject("furniture.return-days", "家具退货需在签收后" + p.furnitureReturnDays() + "天内申请，" + elapsed
                + (days <= p.furnitureQualityRepairDays() ? "；质量问题可以为您免费维修或更换。" : "。"));
    }

    /**
     * Whether a repair visit is free: within the appliance warranty (`appliance.warranty-days`) or the
     * furniture quality period (`furniture.quality-repair-days`), counted from delivery. A repair after it
     * is paid, and a bot must not book it as if it were covered; a person quotes it.
     */
    public static Decision repairCover(Policy p, OrderFacts o, OffsetDateTime now) {
        if (o.deliveredAt() == null) {
            return reject("order.not-delivered", "订单还没有签收，暂时不能预约维修。");
        }
        long days = days(Duration.between(o.deliveredAt(), now));
        String elapsed = "签收已" + days + "天";
        return switch (o.category()) {
            case "appliance" -> days <= p.applianceWarrantyDays()
                    ? approve("appliance.warranty-days", "在保修期内（签收后" + p.applianceWarrantyDays() + "天，" + elapsed + "），免费上门维修。", BigDecimal.ZERO)
                    : reject("appliance.warranty-days", "家电保修期为签收后" + p.applianceWarrantyDays() + "天，" + elapsed + "，已过保修期，不能免费维修。");
            case "furniture" -> days <= p.furnitureQualityRepairDays()
                    ? approve("furniture.quality-repair-days", "在质量保障期内（签收后" + p.furnitureQualityRepairDays() + "天，" + elapsed + "），免费上门维修。",
                            BigDecimal.ZERO)
                    : reject("furniture.quality-repair-days", "家具质量保障期为签收后" + p.furnitureQualityRepairDays() + "天，" + elapsed
                            + "，已过保障期，不能免费维修。");
            default -> reject("category.unknown", "这类商品的维修需要人工处理。");
        };
    }

    /** Agents may grant small compensation themselves (frontline authority); more needs a review. */
    private static Decision goodwill(Policy p, ClaimRequest r, BigDecimal amount) {
        if (r.kind() != ClaimKind.REFUND) {
            return reject("goodwill.refund-only", "补偿以退款方式发放。");
        }
        if (amount.compareTo(p.freshSmallClaimLimit()) <= 0) {
            return approve("fresh.small-claim-limit", "补偿 ¥" + amount.toPlainString() + " 在一线客服可直接发放的额度 ¥"
                    + p.freshSmallClaimLimit().toPlainString() + " 以内。", amount);
        }
        return new Decision(Outcome.REVIEW, "fresh.small-claim-limit", "补偿 ¥" + amount.toPlainString() + " 超过一线额度 ¥"
                + p.freshSmallClaimLimit().toPlainString() + "，需要主管审核。", amount);
    }

    /**
     * Compensation for a delivery that will be late by {@code late}, announced before the shopper asks.
     * Rules {@code delay.coupon-hours} (a coupon of the category's amount) and
     * {@code delay.free-shipping-hours} (a free-shipping voucher); a shorter delay gets an apology only.
     */
    public static Compensation delayCompensation(Policy p, String category, Duration late) {
        Policy.Delay d = p.delay();
        long hours = late.toMinutes() / 60;
        BigDecimal coupon = switch (category == null ? "" : category) {
            case "fresh" -> d.freshCoupon();
            case "appliance" -> d.applianceCoupon();
            case "furniture" -> d.furnitureCoupon();
            default -> BigDecimal.ZERO;
        };
        if (hours >= d.couponHours() && coupon.signum() > 0) {
            BigDecimal amount = coupon.setScale(2, RoundingMode.HALF_UP);
            return new Compensation(Compensation.Kind.COUPON, amount, "delay.coupon-hours",
                    "晚到" + hours + "小时，达到" + d.couponHours() + "小时，按规定补偿 ¥" + amount.toPlainString() + " 优惠券。");
        }
        if (hours >= d.freeShippingHours()) {
            return new Compensation(Compensation.Kind.FREE_SHIPPING, BigDecimal.ZERO.setScale(2), "delay.free-shipping-hours",
                    "晚到" + hours + "小时，达到" + d.freeShippingHours() + "小时，按规定补偿一张免运费券。");
        }
        return new Compensation(Compensation.Kind.NONE, BigDecimal.ZERO.setScale(2), "delay.free-shipping-hours",
                "晚到不足" + d.freeShippingHours() + "小时，不在补偿范围内。");
    }

    private static long days(Duration since) {
        // "within 7 days" counts started days: signed yesterday evening = day 1
        return (since.toHours() + 23) / 24;
    }

    private static String hours(Duration since) {
        return since.toHours() >= 48 ? since.toDays() + "天" : since.toHours() + "小时";
    }

    private static Decision approve(String rule, String reason, BigDecimal amount) {
        return new Decision(Outcome.APPROVED, rule, reason, amount);
    }

    private static Decision reject(String rule, String reason) {
        return new Decision(Outcome.REJECTED, rule, reason, BigDecimal.ZERO);
    }
}
