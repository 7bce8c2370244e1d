package shop.kefu.policy;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Until when each after-sales path of the policy stays open for an order, for the agent's order cards
 * ("生鲜问题可申请至 明天 18:00", "7天无理由 已过"). Derived from the same numbers {@link PolicyEngine}
 * decides with, and counted the same way (a day window counts started days), so a card never promises
 * what the engine would then refuse. It states windows only: whether a claim passes still takes the
 * engine (amount limits, evidence, unused goods).
 */
public final class Deadlines {

    /**
     * One window: {@code until} is the last moment a request is still in time; {@code open} whether that
     * is still ahead at {@code now}.
     */
    public record Deadline(String rule, String label, OffsetDateTime until, boolean open) {
    }

    private Deadlines() {
    }

    /** The windows of an order of this category delivered at {@code deliveredAt}; none before delivery. */
    public static List<Deadline> of(Policy p, String category, OffsetDateTime deliveredAt, boolean custom, OffsetDateTime now) {
        List<Deadline> out = new ArrayList<>();
        if (deliveredAt == null || category == null) {
            return out;
        }
        switch (category) {
            case "fresh" -> out.add(hours("fresh.claim-window-hours", "生鲜问题申请", deliveredAt, p.freshClaimWindowHours(), now));
            case "appliance" -> {
                out.add(days("appliance.no-reason-return-days", p.applianceNoReasonReturnDays() + "天无理由退货", deliveredAt,
                        p.applianceNoReasonReturnDays(), now));
                out.add(days("appliance.quality-return-days", "质量问题退货", deliveredAt, p.applianceQualityReturnDays(), now));
                out.add(days("appliance.quality-exchange-days", "质量问题换货", deliveredAt, p.applianceQualityExchangeDays(), now));
                out.add(days("appliance.price-protection-days", "价保", deliveredAt, p.appliancePriceProtectionDays(), now));
                out.add(days("appliance.warranty-days", "保修", deliveredAt, p.applianceWarrantyDays(), now));
            }
            case "furniture" -> {
                if (!custom) {
                    out.add(days("furniture.return-days", "退换货", deliveredAt, p.furnitureReturnDays(), now));
                }
                out.add(days("furniture.quality-repair-days", "质量问题维修/更换", deliveredAt, p.furnitureQualityRepairDays(), now));
            }
            default -> {
                // an unknown category is decided by a person; no window to show
            }
        }
        return out;
    }

    /**
     * The engine allows {@code since.toMinutes() <= hours * 60}: whole minutes count, so the last moment
     * in time is just before the minute after the hour.
     */
    private static Deadline hours(String rule, String label, OffsetDateTime deliveredAt, int hours, OffsetDateTime now) {
        return window(rule, label, deliveredAt.plusHours(hours).plusMinutes(1), now);
    }

    /**
     * The engine counts started days, {@code (hours + 23) / 24 <= days} over whole hours, which holds until
     * {@code days * 24 + 1} hours have passed.
     */
    private static Deadline days(String rule, String label, OffsetDateTime deliveredAt, int days, OffsetDateTime now) {
        return window(rule, label, deliveredAt.plusHours(days * 24L + 1), now);
    }

    /** @param over the first moment the engine refuses; {@code until} is the last whole second before it */
    private static Deadline window(String rule, String label, OffsetDateTime over, OffsetDateTime now) {
        return new Deadline(rule, label, over.minusSeconds(1), now.isBefore(over));
    }
}
