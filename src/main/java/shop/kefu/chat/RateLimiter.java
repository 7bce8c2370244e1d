package shop.kefu.chat;

/**
 * A token bucket per connection: a burst of {@code burst} frames, refilled at {@code perSecond}. A
 * flooding client gets a clear error instead of slowing everyone else down.
 */
final class RateLimiter {

    private final double burst;
    private final double perNano;
    private double tokens;
    private long last;

    RateLimiter(int burst, double perSecond) {
        this.burst = burst;
        this.perNano = perSecond / 1e9;
        this.tokens = burst;
        this.last = System.nanoTime();
    }

    synchronized boolean tryAcquire() {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - last) * perNano);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
