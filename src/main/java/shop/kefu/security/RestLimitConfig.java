package shop.kefu.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "kefu.rest")
public interface RestLimitConfig {
    /** Requests one user (token subject) may make to the REST API in a burst before 429. */
    @WithDefault("60")
    int rateBurst();

    /** Sustained REST requests per second per user. */
    @WithDefault("10")
    double ratePerSecond();
}
