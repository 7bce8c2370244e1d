package shop.kefu.policy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "kefu.policy")
public interface PolicyConfig {
    /** The after-sales policy file; reloaded by {@code POST /api/admin/policies/reload}. */
    @WithDefault("knowledge-base/policies.properties")
    String file();
}
