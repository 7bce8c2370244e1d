package shop.kefu.aftersales;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The shop's order system over HTTP: {@code GET {url}/customers/{customerId}/orders} and
 * {@code GET {url}/orders/{orderId}}, answering the contract's order JSON, with the API key as a bearer
 * token. An order that belongs to someone else is treated as missing, whatever the remote says.
 */
public class HttpOrderGateway implements OrderGateway {

    private static final TypeReference<List<Order>> ORDERS = new TypeReference<>() {
    };

    private final HttpClient http;
    private final String base;
    private final String key;
    private final java.time.Duration timeout;
    private final ObjectMapper json;

    public HttpOrderGateway(String url, String key, java.time.Duration timeout, ObjectMapper json) {
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.key = key;
        this.timeout = timeout;
        this.json = json.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public List<Order> ordersOf(String customerId) {
        String body = get("/customers/" + enc(customerId) + "/orders");
        if (body == null) {
            return List.of();
        }
        try {
            return json.readValue(body, ORDERS).stream().filter(o -> customerId.equals(o.customerId())).toList();
        } catch (IOException e) {
            throw new OrderSystemException("The order system sent an unreadable order list", e);
        }
    }

    @Override
    public Optional<Order> find(String customerId, String orderId) {
        String body = get("/orders/" + enc(orderId));
        if (body == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(body, Order.class)).filter(o -> customerId.equals(o.customerId()));
        } catch (IOException e) {
            throw new OrderSystemException("The order system sent an unreadable order", e);
        }
    }

    /** The response body, or null for 404. */
    private String get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                .header("Accept", "application/json").header("Authorization", "Bearer " + key).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() == 404) {
                return null;
            }
            if (response.statusCode() / 100 != 2) {
                throw new OrderSystemException("The order system answered " + response.statusCode() + " for " + path, null);
            }
            return response.body();
        } catch (IOException e) {
            throw new OrderSystemException("The order system cannot be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OrderSystemException("Interrupted while asking the order system", e);
        }
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
