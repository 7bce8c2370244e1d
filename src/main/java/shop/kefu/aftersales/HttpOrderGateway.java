package shop.kefu.aftersales;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The shop's order system over HTTP: {@code GET {url}/customers/{customerId}/orders} and
 * {@code GET {url}/orders/{orderId}}, answering the contract's order JSON, with the API key as a bearer
 * token. An order that belongs to someone else is treated as missing, whatever the remote says.
 */
public class HttpOrderGateway implements OrderGateway {

    private static final TypeReference<List<Order>> ORDERS = new TypeReference<>() {
    };
    private static final TypeReference<Order> ORDER = new TypeReference<>() {
    };

    private final OrderSystemHttp http;
    private final String base;

    public HttpOrderGateway(String url, String key, java.time.Duration timeout, ObjectMapper json) {
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.http = new OrderSystemHttp(key, timeout, json);
    }

    @Override
    public List<Order> ordersOf(String customerId) {
        return http.get(base, "/customers/" + enc(customerId) + "/orders", ORDERS, "order list").orElse(List.of()).stream()
                .filter(o -> customerId.equals(o.customerId())).toList();
    }

    @Override
    public Optional<Order> find(String customerId, String orderId) {
        return http.get(base, "/orders/" + enc(orderId), ORDER, "order").filter(o -> customerId.equals(o.customerId()));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The order system failed; callers tell the shopper to retry later or hand off. */
    public static class OrderSystemException extends RuntimeException {
        public OrderSystemException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
