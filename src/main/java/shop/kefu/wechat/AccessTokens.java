package shop.kefu.wechat;

import java.time.OffsetDateTime;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

/**
 * The access_token every call of the WeChat API carries. WeChat keeps one valid token per app, and
 * fetching a new one invalidates the old one after a few minutes, so nodes must not each fetch their
 * own: the token lives in one database row, and a node refreshes it only under that row's lock and
 * only if it is still stale once the lock is held, which makes the others wait and then reuse it.
 */
@ApplicationScoped
class AccessTokens {

    private static final Logger LOG = Logger.getLogger(AccessTokens.class);

    @Inject
    WechatConfig config;
    @Inject
    WechatHttp http;

    /** A token valid beyond the refresh margin, fetched if the stored one is not. */
    String current() {
        OffsetDateTime now = OffsetDateTime.now();
        WechatToken stored = QuarkusTransaction.requiringNew().call(() -> WechatToken.<WechatToken> findById(WechatToken.ACCESS_TOKEN));
        if (fresh(stored, now)) {
            return stored.accessToken;
        }
        return refresh(null);
    }

    /**
     * Fetches a new token, unless the stored one is fresh and is not {@code rejected} (the token an API
     * call was just refused with): another node has refreshed meanwhile.
     */
    String refresh(String rejected) {
        return QuarkusTransaction.requiringNew().call(() -> {
            WechatToken row = WechatToken.findById(WechatToken.ACCESS_TOKEN, LockModeType.PESSIMISTIC_WRITE);
            OffsetDateTime now = OffsetDateTime.now();
            if (fresh(row, now) && !row.accessToken.equals(rejected)) {
                return row.accessToken;
            }
            WechatHttp.Fetched token = http.fetchToken();
            row.accessToken = token.accessToken();
            row.expiresAt = now.plusSeconds(token.expiresInSeconds());
            LOG.infof("WeChat access_token refreshed; valid until %s", row.expiresAt);
            return row.accessToken;
        });
    }

    private boolean fresh(WechatToken t, OffsetDateTime now) {
        return t != null && t.accessToken != null && t.expiresAt != null && now.plus(config.tokenRefreshMargin()).isBefore(t.expiresAt);
    }
}
