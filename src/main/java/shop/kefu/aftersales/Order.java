package shop.kefu.aftersales;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** An order as the order system reports it (the contract's order format). */
public record Order(String orderId, String customerId, String category, List<Item> items, String status,
        OffsetDateTime deliveredAt) {

    /**
     * @param price        unit price paid
     * @param custom       made to order (furniture)
     * @param currentPrice today's unit price, when the order system knows it (price protection); may be null
     */
    public record Item(String sku, String name, int qty, BigDecimal price, boolean custom, BigDecimal currentPrice) {
        public BigDecimal paid() {
            return price.multiply(BigDecimal.valueOf(qty));
        }
    }

    public Optional<Item> item(String sku) {
        return items.stream().filter(i -> i.sku().equals(sku)).findFirst();
    }
}
