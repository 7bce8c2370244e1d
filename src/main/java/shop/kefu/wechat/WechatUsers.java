package shop.kefu.wechat;

import java.time.OffsetDateTime;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import shop.kefu.conversation.Conversations;

/** WeChat users: who they are as shoppers, and their reply window. */
@ApplicationScoped
class WechatUsers {

    @Inject
    WechatConfig config;

    /**
     * The user wrote (or entered the chat) at {@code at}: a new reply window and quota. Created on first
     * contact as customer {@code kefu.wechat.customer-prefix} + openid unless bound to a shop customer.
     */
    WechatUser wrote(String openid, OffsetDateTime at, String sessionFrom) {
        return Conversations.retryOnConflict(() -> QuarkusTransaction.requiringNew().call(() -> {
            WechatUser u = lockedOrNew(openid, null);
            u.wrote(at);
            if (sessionFrom != null) {
                u.sessionFrom = sessionFrom.length() > 1000 ? sessionFrom.substring(0, 1000) : sessionFrom;
            }
            return u;
        }));
    }

    /** Binds the openid to a shop customer (the shop's sign-in knows who the openid is). */
    WechatUser bind(String openid, String customerId) {
        return Conversations.retryOnConflict(() -> QuarkusTransaction.requiringNew().call(() -> {
            WechatUser u = lockedOrNew(openid, customerId);
            u.customerId = customerId;
            return u;
        }));
    }

    private WechatUser lockedOrNew(String openid, String customerId) {
        WechatUser u = WechatUser.findById(openid, LockModeType.PESSIMISTIC_WRITE);
        if (u == null) {
            u = new WechatUser();
            u.openid = openid;
            u.customerId = customerId != null ? customerId : config.customerPrefix() + openid;
            u.createdAt = OffsetDateTime.now();
            u.persistAndFlush(); // a concurrent first contact fails on the key here and retries into this row
        }
        return u;
    }
}
