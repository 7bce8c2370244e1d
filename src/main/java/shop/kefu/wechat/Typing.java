package shop.kefu.wechat;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * "Typing…" in the user's WeChat chat while the bot or an agent is answering. WeChat accepts it only
 * within 30 s of the user's last message (45080) and not twice (45081), and the reply cancels it, so
 * it is sent off the turn's thread and a refusal is ignored.
 */
@ApplicationScoped
class Typing {

    private static final Logger LOG = Logger.getLogger(Typing.class);

    @Inject
    WechatApi api;

    void show(String openid) {
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            try {
                WechatHttp.Answer a = api.typing(openid);
                if (!a.ok()) {
                    LOG.debugf("WeChat typing refused: %d %s", a.errcode(), a.errmsg());
                }
            } catch (RuntimeException e) {
                LOG.debugf("WeChat typing failed: %s", e.getMessage());
            }
        });
    }
}
