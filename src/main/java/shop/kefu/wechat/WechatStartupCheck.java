package shop.kefu.wechat;

import java.util.ArrayList;
import java.util.List;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * With the channel on, a missing credential would only show when WeChat's first push is refused or the
 * first reply cannot be sent: the service refuses to start instead, naming what is missing.
 */
@ApplicationScoped
class WechatStartupCheck {

    void check(@Observes StartupEvent start, WechatConfig config) {
        if (!config.enabled()) {
            return;
        }
        List<String> missing = new ArrayList<>();
        if (config.token().isEmpty()) {
            missing.add("kefu.wechat.token");
        }
        if (config.appId().isEmpty()) {
            missing.add("kefu.wechat.app-id");
        }
        if (config.appSecret().isEmpty()) {
            missing.add("kefu.wechat.app-secret");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("kefu.wechat.enabled=true needs " + String.join(", ", missing) + " (docs/wechat.md)");
        }
        config.encodingAesKey().ifPresent(key -> new MessageCrypto(key, config.appId().get())); // 43 characters, or refuse now
    }
}
