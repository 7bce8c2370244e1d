package shop.kefu.proactive;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Proactive messages (issue 17): limits, the follow-up visit and its quiet hours. README "Configuration". */
@ConfigMapping(prefix = "kefu.proactive")
public interface ProactiveConfig {

    /** Proactive messages one shopper may get per day (of {@link #zone()}); beyond it an event sends nothing. */
    @WithDefault("5")
    int dailyCap();

    /** How long after a case closes or a conversation is resolved the follow-up asks for a rating. */
    @WithDefault("24h")
    Duration followUpDelay();

    /** No follow-up is sent in this window of local time ({@code HH:mm-HH:mm}, may span midnight); it waits for the morning. */
    @WithDefault("21:00-09:00")
    String quietHours();

    /** The time zone of the quiet hours and of the daily cap's day. */
    @WithDefault("Asia/Shanghai")
    String zone();

    /**
     * How often each node looks for follow-ups that are due ({@code off} to disable, as the tests do). Read
     * through its key by {@link FollowUps}'s {@code @Scheduled}, which takes no bean; declared here for its default.
     */
    @WithDefault("1m")
    String followUpCheckEvery();

    /** A follow-up rating at or below this puts the conversation in the human queue, most urgent first. */
    @WithDefault("2")
    int badRating();

    /** A status question within this time after a proactive message in its conversation counts as following an event. */
    @WithDefault("24h")
    Duration statusQuestionWindow();

    /**
     * The order system's event feed, for shops whose order system cannot push: {@code GET {url}?after={cursor}}
     * answering {@code {"events":[…],"next":"…"}}, with {@code kefu.orders.key} as a bearer token. Unset: no polling.
     */
    java.util.Optional<String> pollUrl();

    /**
     * How often each node polls the feed. Read through its key by {@link EventPoller}'s {@code @Scheduled},
     * which takes no bean, and through this method for its log; declared here for its one default.
     */
    @WithDefault("30s")
    String pollEvery();
}
