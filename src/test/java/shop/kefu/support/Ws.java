package shop.kefu.support;

import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/** Helpers shared by WebSocket tests. */
public final class Ws {
    private static final AtomicInteger IDS = new AtomicInteger();

    private Ws() {
    }

    /** The ws:// form of the test server's http:// base URI. */
    public static URI ws(URI http) {
        return URI.create(http.toString().replaceFirst("^http", "ws"));
    }

    /** A customer id no other test uses, so tests never see each other's conversations. */
    public static String uniqueCustomer(String prefix) {
        return prefix + "-" + System.nanoTime() % 1_000_000 + "-" + IDS.incrementAndGet();
    }
}
