package shop.kefu.aftersales;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "kefu.orders")
public interface OrdersConfig {
    /** {@code builtin} (a table of this service) or {@code http} (the shop's order system). */
    @WithDefault("builtin")
    String gateway();

    /** Base URL of the shop's order API (gateway=http). */
    Optional<String> url();

    /** API key sent as a bearer token to the shop's order API (gateway=http). */
    Optional<String> key();

    @WithDefault("5s")
    Duration timeout();
}
