package shop.kefu.security;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "kefu.ws")
public interface WebSocketAuthConfig {
    /** How long a WebSocket ticket (POST /api/ws-ticket) can be used; it can be used once. */
    @WithDefault("30s")
    Duration ticketTtl();

    /**
     * Also accept the bearer token itself as {@code ?access_token=} on /ws/* (clients from before
     * tickets). Off: a token in a URL stays usable, from logs and browser history, for its whole life.
     */
    @WithDefault("false")
    boolean queryToken();

    /** How often open sockets are checked for a token that has expired since; those are closed (SocketExpiry). */
    @WithDefault("15s")
    Duration expiryCheckEvery();
}
