package shop.kefu.wechat;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The WeChat customer-service message push channel (docs/wechat.md). Off unless enabled. */
@ConfigMapping(prefix = "kefu.wechat")
public interface WechatConfig {

    /** With it off, {@code /wechat/push} answers 404 and nothing is sent to WeChat. */
    @WithDefault("false")
    boolean enabled();

    /** The Token of the mini-program console's message push settings (signatures). */
    Optional<String> token();

    /** The EncodingAESKey (43 characters) of safe mode; without it only plain-mode pushes are accepted. */
    Optional<String> encodingAesKey();

    /** The mini-program's AppID: the send API's credentials, and the appid ending every safe-mode message. */
    Optional<String> appId();

    /** The AppSecret, for the access_token. */
    Optional<String> appSecret();

    /** Where the WeChat API is; tests point it at a local fake. */
    @WithDefault("https://api.weixin.qq.com")
    String apiBaseUrl();

    /** Timeout of one call of the WeChat API. */
    @WithDefault("5s")
    Duration apiTimeout();

    /** The access_token is refreshed this long before it expires. */
    @WithDefault("5m")
    Duration tokenRefreshMargin();

    /** Customer id of a WeChat user not bound to a shop customer: this prefix and the openid. */
    @WithDefault("wx-")
    String customerPrefix();

    /** WeChat's limit: messages to a user are allowed this long after their last message. */
    @WithDefault("48h")
    Duration replyWindow();

    /** WeChat's limit: at most this many messages per message of the user. */
    @WithDefault("5")
    int repliesPerMessage();

    /** How quick replies are written: {@code numbered} choices answered by number, or {@code links}. */
    @WithDefault("numbered")
    String quickReplies();

    /** For {@code links}: the mini-program page a quick reply opens, the choice appended URL-encoded. */
    @WithDefault("pages/chat/chat?q=")
    String quickReplyPath();

    /** The query parameter of a miniprogrampage card's page path that names the order. */
    @WithDefault("orderId")
    String orderParameter();

    /**
     * How often each node retries pushes not yet handled and replies not yet sent. Read through its key by
     * {@link Inbox}'s {@code @Scheduled}, which takes no bean; declared here for its type and default.
     */
    @WithDefault("15s")
    Duration sweepEvery();

    /** A push is retried by the sweep once it has waited this long unprocessed. */
    @WithDefault("30s")
    Duration retryAfter();

    /** Processed pushes are kept this long for de-duplication, then deleted. */
    @WithDefault("7d")
    Duration keepSeen();

    /** An image the media API will not give after this many tries is passed on without the picture. */
    @WithDefault("5")
    int maxAttempts();
}
