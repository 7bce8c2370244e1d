package shop.kefu.bench;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "kefu.bench")
public interface BenchConfig {
    /** Opens the benchmark-only echo endpoint /ws/echo (bench/chat-load.sh sets it); off, its upgrade answers 404. */
    @WithDefault("false")
    boolean echo();
}
