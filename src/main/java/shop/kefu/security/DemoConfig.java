package shop.kefu.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "kefu.demo")
public interface DemoConfig {
    /** Demo mode: the token endpoint and demo data. Never on in production. */
    @WithDefault("false")
    boolean enabled();

    /**
     * Demo mode on a host other than loopback, and demo tokens for callers that are not on this machine
     * (or come through a proxy). Anyone who reaches the service then gets admin tokens: only for a
     * demo on a private network, and logged as a warning at start and for every such token.
     */
    @WithDefault("false")
    boolean allowRemote();
}
