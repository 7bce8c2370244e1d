package shop.kefu.chat;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "kefu.chat")
public interface ChatConfig {
    /** Longest shopper message, in characters. */
    @WithDefault("2000")
    int maxTextLength();

    /** Longest client message id. */
    @WithDefault("100")
    int maxClientIdLength();

    /** Most attachments on one message. */
    @WithDefault("5")
    int maxAttachments();

    /** Frames a connection may send in a burst before it is rate limited. */
    @WithDefault("20")
    int rateBurst();

    /** Sustained frames per second a connection may send. */
    @WithDefault("2")
    double ratePerSecond();

    /** Longest rating comment, in characters. */
    @WithDefault("500")
    int maxCommentLength();
}
