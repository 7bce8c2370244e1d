package shop.kefu.proactive;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import shop.kefu.aftersales.AfterSalesStatus;
import shop.kefu.common.Refusal;

/** What each event type requires; a broken rule is a 400 naming the field. */
final class EventRules {

    enum Type {
        DELIVERY_DELAYED, DELIVERY_EXCEPTION, DELIVERED, CASE_UPDATED;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    enum Exception {
        DAMAGED, LOST, COLD_CHAIN_BROKEN;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The case statuses an order system reports, and the status the case takes. */
    static final Map<String, AfterSalesStatus> CASE_STATUSES = Map.of("pickup_scheduled", AfterSalesStatus.PICKUP_SCHEDULED,
            "received", AfterSalesStatus.RECEIVED, "refunded", AfterSalesStatus.REFUNDED,
            "replacement_shipped", AfterSalesStatus.REPLACEMENT_SHIPPED, "closed", AfterSalesStatus.CLOSED);

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final int MAX_CAUSE = 100;

    private EventRules() {
    }

    static Type check(ShopperEvent e) {
        if (e == null) {
            throw Refusal.invalid("missing_body", "The request needs a JSON body: the event.");
        }
        required("eventId", e.eventId());
        if (!ID.matcher(e.eventId()).matches()) {
            throw invalid("eventId", "must be 1-100 letters, digits, '_', '.', ':' or '-'");
        }
        required("type", e.type());
        Type type = parse(Type.class, "type", e.type(), "delivery_delayed, delivery_exception, delivered or case_updated");
        key("orderId", e.orderId());
        key("customerId", e.customerId());
        switch (type) {
            case DELIVERY_DELAYED -> {
                required("promisedBy", e.promisedBy());
                required("newWindow", e.newWindow());
                required("newWindow.from", e.newWindow().from());
                required("newWindow.to", e.newWindow().to());
                if (e.newWindow().to().isBefore(e.newWindow().from())) {
                    throw invalid("newWindow.to", "must not be before newWindow.from");
                }
                if (!e.newWindow().to().isAfter(e.promisedBy())) {
                    throw invalid("newWindow.to", "must be after promisedBy (a delay)");
                }
                if (e.cause() != null && e.cause().strip().length() > MAX_CAUSE) {
                    throw invalid("cause", "must be at most " + MAX_CAUSE + " characters");
                }
            }
            case DELIVERY_EXCEPTION -> {
                required("exception", e.exception());
                parse(Exception.class, "exception", e.exception(), "damaged, lost or cold_chain_broken");
                if (e.sku() != null && !KEY.matcher(e.sku()).matches()) {
                    throw invalid("sku", "must be 1-64 letters, digits, '_', '.' or '-'");
                }
            }
            case CASE_UPDATED -> {
                key("aftersalesId", e.aftersalesId());
                required("status", e.status());
                if (!CASE_STATUSES.containsKey(e.status())) {
                    throw invalid("status", "must be pickup_scheduled, received, refunded, replacement_shipped or closed");
                }
            }
            case DELIVERED -> {
            }
        }
        return type;
    }

    static Exception exception(ShopperEvent e) {
        return Exception.valueOf(e.exception().toUpperCase(Locale.ROOT));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value, String allowed) {
        if (!value.equals(value.toLowerCase(Locale.ROOT))) {
            throw invalid(field, "must be " + allowed);
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid(field, "must be " + allowed);
        }
    }

    private static void key(String field, String value) {
        required(field, value);
        if (!KEY.matcher(value).matches()) {
            throw invalid(field, "must be 1-64 letters, digits, '_', '.' or '-'");
        }
    }

    private static void required(String field, Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw Refusal.invalid("missing_field", "Field " + field + " is required.");
        }
    }

    private static Refusal invalid(String field, String rule) {
        return Refusal.invalid("invalid_field", "Field " + field + " " + rule + ".");
    }
}
