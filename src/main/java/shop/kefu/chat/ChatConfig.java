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

    /** Longest rating comment, in characters. */
    @WithDefault("500")
    int maxCommentLength();
}
