package shop.kefu.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "kefu.demo")
public interface DemoConfig {
    /** Demo mode: the token endpoint and demo data. Never on in production. */
    @WithDefault("false")
    boolean enabled();
}
