package shop.kefu.common;

/**
 * A token bucket: a burst of {@code burst} requests, refilled at {@code perSecond}. A flooding client
 * gets a clear refusal instead of slowing everyone else down.
 */
public final class TokenBucket {

    private final double burst;
    private final double perNano;
    private double tokens;
    private long last;

    public TokenBucket(int burst, double perSecond) {
        this.burst = burst;
        this.perNano = perSecond / 1e9;
        this.tokens = burst;
        this.last = System.nanoTime();
    }

    public synchronized boolean tryAcquire() {
        refill();
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** Whole seconds until the next request would be allowed (at least 1), for a Retry-After header. */
    public synchronized long secondsUntilNext() {
        refill();
        return Math.max(1, (long) Math.ceil((1 - tokens) / perNano / 1e9));
    }

    /** Refilled to the brim: forgetting the bucket changes nothing for its owner. */
    public synchronized boolean isFull() {
        refill();
        return tokens >= burst;
    }

    private void refill() {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - last) * perNano);
        last = now;
    }
}
