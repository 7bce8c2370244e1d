package shop.kefu.aftersales;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The after-sales lifecycle, with the transitions staff may make. */
public enum AfterSalesStatus {
    REQUESTED("已申请"), UNDER_REVIEW("审核中"), APPROVED("已通过"), PICKUP_SCHEDULED("已预约取件"), RECEIVED("已收到退货"),
    REFUNDED("已退款"), REPLACEMENT_SHIPPED("新商品已发出"), CLOSED("已完成"), REJECTED("未通过");

    public final String label;

    AfterSalesStatus(String label) {
        this.label = label;
    }

    private static final Map<AfterSalesStatus, Set<AfterSalesStatus>> NEXT = Map.of(
            REQUESTED, EnumSet.of(UNDER_REVIEW, APPROVED, REJECTED),
            UNDER_REVIEW, EnumSet.of(APPROVED, REJECTED),
            APPROVED, EnumSet.of(PICKUP_SCHEDULED, REFUNDED, REPLACEMENT_SHIPPED, CLOSED),
            PICKUP_SCHEDULED, EnumSet.of(RECEIVED, CLOSED),
            RECEIVED, EnumSet.of(REFUNDED, REPLACEMENT_SHIPPED),
            REFUNDED, EnumSet.of(CLOSED),
            REPLACEMENT_SHIPPED, EnumSet.of(CLOSED),
            CLOSED, EnumSet.noneOf(AfterSalesStatus.class),
            REJECTED, EnumSet.noneOf(AfterSalesStatus.class));

    public boolean canMoveTo(AfterSalesStatus next) {
        return NEXT.get(this).contains(next);
    }
}
