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

    /** Open /ws/chat connections one shopper may have at once (the mini-program opens up to 5). */
    @WithDefault("5")
    int maxConnections();

    /** Events one conversation may hold; the shopper message that reaches it closes the conversation. */
    @WithDefault("1000")
    int maxEvents();

    /** Most events one resume sends; the client resumes again from the last one it got. */
    @WithDefault("200")
    int resumeMaxEvents();
}
