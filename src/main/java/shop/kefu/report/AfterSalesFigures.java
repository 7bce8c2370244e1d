package shop.kefu.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import shop.kefu.aftersales.AfterSalesStatus;
import shop.kefu.aftersales.OrderGateway;
import shop.kefu.policy.ClaimKind;

/**
 * After-sales cases created in the range by category, kind, reason and status. The category is the
 * order's, from the order gateway, asked once per distinct order of the range (the built-in store in
 * one query per 500 orders).
 */
@ApplicationScoped
class AfterSalesFigures {

    static final String UNKNOWN = "unknown";
    private static final Set<String> REFUNDING = Set.of(ClaimKind.REFUND.wire(), ClaimKind.RETURN.wire());
    private static final String REJECTED = AfterSalesStatus.REJECTED.name().toLowerCase(Locale.ROOT);

    @Inject
    Queries queries;
    @Inject
    OrderGateway orders;

    private record PerOrder(String orderId, String customerId, String kind, String reason, String status, long cases, BigDecimal amount) {
    }

    private record Key(String category, String kind, String reason, String status) {
    }

    ServiceReport.AfterSales of(ReportRange range) {
        List<PerOrder> rows = queries.list("""
                SELECT a.order_id, a.customer_id, a.kind, a.reason, a.status, COUNT(*), SUM(a.amount) FROM aftersales a
                WHERE a.created_at >= ? AND a.created_at < ? GROUP BY a.order_id, a.customer_id, a.kind, a.reason, a.status""", range,
                r -> new PerOrder(r.getString(1), r.getString(2), lower(r.getString(3)), lower(r.getString(4)), lower(r.getString(5)),
                        r.getLong(6), r.getBigDecimal(7)));
        Map<String, String> customerByOrder = new HashMap<>();
        rows.forEach(r -> customerByOrder.put(r.orderId(), r.customerId()));
        Map<String, String> categories = orders.categories(customerByOrder);
        Map<Key, long[]> counts = new HashMap<>();
        Map<Key, BigDecimal> amounts = new HashMap<>();
        long cases = 0;
        BigDecimal amount = BigDecimal.ZERO;
        BigDecimal refunded = BigDecimal.ZERO;
        for (PerOrder r : rows) {
            Key key = new Key(categories.getOrDefault(r.orderId(), UNKNOWN), r.kind(), r.reason(), r.status());
            counts.computeIfAbsent(key, k -> new long[1])[0] += r.cases();
            amounts.merge(key, r.amount(), BigDecimal::add);
            cases += r.cases();
            amount = amount.add(r.amount());
            if (REFUNDING.contains(r.kind()) && !REJECTED.equals(r.status())) {
                refunded = refunded.add(r.amount());
            }
        }
        List<ServiceReport.AfterSalesGroup> groups = new ArrayList<>();
        counts.forEach((k, n) -> groups.add(new ServiceReport.AfterSalesGroup(k.category(), k.kind(), k.reason(), k.status(), n[0],
                amounts.get(k))));
        groups.sort(Comparator.comparingLong(ServiceReport.AfterSalesGroup::cases).reversed()
                .thenComparing(ServiceReport.AfterSalesGroup::category).thenComparing(ServiceReport.AfterSalesGroup::kind)
                .thenComparing(ServiceReport.AfterSalesGroup::reason).thenComparing(ServiceReport.AfterSalesGroup::status));
        return new ServiceReport.AfterSales(cases, amount, refunded, groups);
    }

    /** As the after-sales API shows them: statuses are stored as enum names, kinds and reasons in lower case already. */
    private static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
