package shop.kefu.aftersales;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import shop.kefu.aftersales.HttpOrderGateway.OrderSystemException;

/**
 * A JSON GET to the shop's order system, for its orders ({@link HttpOrderGateway}) and its event feed
 * (proactive's poller): one place that decides how a call is made and what counts as a failure, so the
 * two readers of one remote cannot drift apart. Unknown fields are ignored, so the order system may add
 * fields to its contract without breaking us. Every failure is an {@link OrderSystemException}, which
 * callers turn into "try again later".
 */
public final class OrderSystemHttp {

    private final HttpClient http;
    private final String key;
    private final Duration timeout;
    private final ObjectMapper json;

    /** @param key sent as a bearer token; null sends no {@code Authorization} header */
    public OrderSystemHttp(String key, Duration timeout, ObjectMapper json) {
        this.key = key;
        this.timeout = timeout;
        this.json = json.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** The answer at {@code uri} read as {@code type}; empty for 404. Errors name the whole address. */
    public <T> Optional<T> get(URI uri, TypeReference<T> type, String what) {
        return get("", uri.toString(), type, what);
    }

    /**
     * The answer at {@code base + path} read as {@code type}; empty for 404 (what was asked for does not
     * exist there). Errors name only {@code path}: what was asked for, not where the order system lives.
     *
     * @param what the answer, as an error names it ("order list")
     */
    public <T> Optional<T> get(String base, String path, TypeReference<T> type, String what) {
        String body = body(URI.create(base + path), path);
        if (body == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(body, type));
        } catch (IOException e) {
            throw new OrderSystemException("The order system sent an unreadable " + what, e);
        }
    }

    /** The response body, or null for 404. */
    private String body(URI uri, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").GET();
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
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
}
