package shop.kefu.aftersales;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import shop.kefu.security.DemoConfig;

/**
 * Demo orders for the demo shoppers (README: Demo data), added in demo mode to the built-in store when
 * missing. Delivery times are relative to the first start, so the after-sales windows can be tried.
 */
public class DemoOrders {

    @Inject
    DemoConfig demo;
    @Inject
    OrderGatewayProducer gateways;
    @Inject
    BuiltInOrders store;

    void seed(@Observes StartupEvent event) {
        if (!demo.enabled() || !gateways.isBuiltIn()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now();
        List.of(
                new Order("D1001-1", "C1001", "fresh", List.of(item("F-STRAW", "丹东99草莓 500g", 2, "19.90"),
                        item("F-MILK", "鲜牛奶 950ml", 1, "15.80")), "delivered", now.minusHours(20)),
                new Order("D1001-2", "C1001", "fresh", List.of(item("F-CRAB", "阳澄湖大闸蟹 8只装", 1, "268.00")), "delivered",
                        now.minusHours(6)),
                new Order("D1001-3", "C1001", "fresh", List.of(item("F-APPLE", "烟台红富士苹果 5斤", 1, "39.90")), "delivered",
                        now.minusDays(4)),
                new Order("D1002-1", "C1002", "appliance", List.of(item("A-FRIDGE", "双开门冰箱 520L", 1, "3999.00")), "delivered",
                        now.minusDays(3)),
                new Order("D1002-2", "C1002", "appliance", List.of(new Order.Item("A-TV", "65英寸4K电视", 1, new BigDecimal("2999.00"),
                        false, new BigDecimal("2799.00"))), "delivered", now.minusDays(10)),
                new Order("D1002-3", "C1002", "appliance", List.of(item("A-WASHER", "10公斤滚筒洗衣机", 1, "2499.00")), "delivered",
                        now.minusDays(200)),
                new Order("D1003-1", "C1003", "furniture", List.of(new Order.Item("U-WARDROBE", "定制衣柜 2.4米", 1,
                        new BigDecimal("5600.00"), true, null)), "delivered", now.minusDays(2)),
                new Order("D1003-2", "C1003", "furniture", List.of(item("U-SOFA", "布艺三人沙发", 1, "3299.00")), "delivered",
                        now.minusDays(5)))
                .forEach(store::add);
    }

    private static Order.Item item(String sku, String name, int qty, String price) {
        return new Order.Item(sku, name, qty, new BigDecimal(price), false, null);
    }
}
