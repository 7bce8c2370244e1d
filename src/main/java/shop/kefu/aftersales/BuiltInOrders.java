package shop.kefu.aftersales;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;

/** The built-in order store: a table of this service, filled by the admin API and the demo data. */
@ApplicationScoped
@Typed(BuiltInOrders.class)
public class BuiltInOrders implements OrderGateway {

    private static final int CATEGORY_BATCH = 500;
    private static final TypeReference<List<Order.Item>> ITEMS = new TypeReference<>() {
    };

    @Inject
    ObjectMapper json;

    @Override
    public List<Order> ordersOf(String customerId) {
        return QuarkusTransaction.joiningExisting().call(() -> StoredOrder.<StoredOrder> list(
                "customerId = ?1 order by createdAt desc", customerId).stream().map(this::toOrder).toList());
    }

    @Override
    public Optional<Order> find(String customerId, String orderId) {
        return QuarkusTransaction.joiningExisting().call(() -> StoredOrder.<StoredOrder> findByIdOptional(orderId)
                .filter(o -> o.customerId.equals(customerId)).map(this::toOrder));
    }

    /** One query per 500 orders instead of one per order. */
    @Override
    public Map<String, String> categories(Map<String, String> customerByOrder) {
        List<String> ids = new ArrayList<>(customerByOrder.keySet());
        Map<String, String> out = new HashMap<>();
        QuarkusTransaction.joiningExisting().run(() -> {
            for (int from = 0; from < ids.size(); from += CATEGORY_BATCH) {
                List<Object[]> rows = StoredOrder.getEntityManager()
                        .createQuery("select o.orderId, o.customerId, o.category from StoredOrder o where o.orderId in ?1", Object[].class)
                        .setParameter(1, ids.subList(from, Math.min(ids.size(), from + CATEGORY_BATCH))).getResultList();
                for (Object[] r : rows) {
                    if (r[1].equals(customerByOrder.get((String) r[0]))) {
                        out.put((String) r[0], (String) r[2]);
                    }
                }
            }
        });
        return out;
    }

    @Override
    public boolean cancel(String customerId, String orderId) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            StoredOrder o = StoredOrder.findById(orderId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            if (o == null || !o.customerId.equals(customerId) || o.deliveredAt != null || "cancelled".equals(o.status)) {
                return false;
            }
            o.status = "cancelled";
            return true;
        });
    }

    /** Adds an order; false if the id is taken. */
    public boolean add(Order order) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (StoredOrder.findById(order.orderId()) != null) {
                return false;
            }
            StoredOrder o = new StoredOrder();
            o.orderId = order.orderId();
            o.customerId = order.customerId();
            o.category = order.category();
            o.status = order.status();
            o.items = json.writeValueAsString(order.items());
            o.deliveredAt = order.deliveredAt();
            o.createdAt = order.deliveredAt() != null ? order.deliveredAt() : OffsetDateTime.now();
            o.persist();
            return true;
        });
    }

    private Order toOrder(StoredOrder o) {
        try {
            return new Order(o.orderId, o.customerId, o.category, json.readValue(o.items, ITEMS), o.status, o.deliveredAt);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Order " + o.orderId + " has unreadable items", e);
        }
    }
}
