package shop.kefu.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;

import shop.kefu.common.ApiError;
import shop.kefu.common.TokenBucket;

/**
 * One token bucket per user (the token subject) across every REST endpoint: one shopper or a leaked
 * token cannot keep the service busy for everyone else. Requests without a token are refused by
 * authentication before they cost anything, or are the demo token endpoint. Per node: behind a load
 * balancer each node allows the burst.
 */
public class RestRateLimit {

    /** Above this many remembered users, the ones whose buckets have refilled are forgotten. */
    private static final int FORGET_ABOVE = 10_000;

    @Inject
    SecurityIdentity identity;
    @Inject
    RestLimitConfig config;

    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public RestResponse<ApiError> limit() {
        if (identity.isAnonymous()) {
            return null;
        }
        if (buckets.size() > FORGET_ABOVE) {
            buckets.values().removeIf(TokenBucket::isFull);
        }
        TokenBucket bucket = buckets.computeIfAbsent(identity.getPrincipal().getName(),
                k -> new TokenBucket(config.rateBurst(), config.ratePerSecond()));
        if (bucket.tryAcquire()) {
            return null;
        }
        long retry = bucket.secondsUntilNext();
        return RestResponse.ResponseBuilder.<ApiError> create(429)
                .entity(new ApiError("rate_limited", "Too many requests from this user; retry in " + retry + " s."))
                .type(MediaType.APPLICATION_JSON_TYPE).header("Retry-After", retry).build();
    }
}
