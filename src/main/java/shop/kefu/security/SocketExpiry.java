package shop.kefu.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Closes a WebSocket when the token it was opened with stops being valid. The token is checked only on
 * the upgrade, so without this a socket would stay open, and keep reading the conversation or the
 * queue, for as long as the client keeps it, after the token expired or the user was logged out by
 * letting it lapse. The client is told why ({@code token_expired}) and the socket is closed with status
 * 4401; a client reconnects with a fresh token and resumes where it was.
 *
 * <p>A sweep every {@code kefu.ws.expiry-check-every} (15 s) closes what has expired, rather than a timer
 * per socket: a timer would hold each socket for up to twelve hours.
 */
@ApplicationScoped
public class SocketExpiry {

    private static final Logger LOG = Logger.getLogger(SocketExpiry.class);
    /** An application close status (4000–4999), after HTTP's 401. */
    public static final int TOKEN_EXPIRED = 4401;
    static final String FRAME = "{\"type\":\"error\",\"code\":\"token_expired\",\"message\":\"登录已过期，请重新登录后继续。\"}";

    private record Watched(WebSocketConnection connection, Instant end) {
    }

    private final Map<String, Watched> open = new ConcurrentHashMap<>();

    @ConfigProperty(name = "kefu.jwt.max-age-seconds")
    long maxAgeSeconds;

    /**
     * When the token stops being accepted: its {@code exp}, or {@code iat} plus the maximum age the
     * service allows, whichever comes first; with neither, the maximum age from now.
     */
    public Instant end(JsonWebToken token) {
        Instant end = Instant.now().plus(Duration.ofSeconds(maxAgeSeconds));
        if (token.getIssuedAtTime() > 0) {
            end = Instant.ofEpochSecond(token.getIssuedAtTime()).plusSeconds(maxAgeSeconds);
        }
        if (token.getExpirationTime() > 0 && Instant.ofEpochSecond(token.getExpirationTime()).isBefore(end)) {
            end = Instant.ofEpochSecond(token.getExpirationTime());
        }
        return end;
    }

    /**
     * Watches a socket just opened with this identity's token (a ticket's identity carries the token's end as exp).
     *
     * @return false when the token has ended already, and the socket is being closed: the JWT clock skew
     *         lets a token open a socket for a minute past its exp, and it is closed at once rather than at
     *         the next sweep, before the socket sets anything up
     */
    public boolean watch(WebSocketConnection connection, JsonWebToken token) {
        Watched w = new Watched(connection, end(token));
        if (!w.end().isAfter(Instant.now())) {
            close(w);
            return false;
        }
        open.put(connection.id(), w);
        return true;
    }

    public void forget(WebSocketConnection connection) {
        open.remove(connection.id());
    }

    @Scheduled(every = "${kefu.ws.expiry-check-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        Instant now = Instant.now();
        for (Watched w : open.values()) {
            if (!w.end().isAfter(now)) {
                open.remove(w.connection().id());
                close(w);
            }
        }
    }

    /** Says why, then closes with {@link #TOKEN_EXPIRED}. */
    private static void close(Watched w) {
        if (w.connection().isOpen()) {
            LOG.debugf("Closing WebSocket %s: its token expired at %s", w.connection().id(), w.end());
            w.connection().sendText(FRAME)
                    .chain(() -> w.connection().close(new CloseReason(TOKEN_EXPIRED, "token_expired")))
                    .subscribe().with(done -> {
                    }, failure -> LOG.debugf("Closing WebSocket %s failed: %s", w.connection().id(), failure.toString()));
        }
    }
}
