package shop.kefu.dialog;

/** Decides the bot's reply to one shopper message. The chat layer stores the reply; tools store their own effects. */
public interface TurnEngine {
    TurnResult respond(Turn turn);

    /**
     * Called with a shopper message's text before it is stored: work that needs no stored state may
     * start here, on other threads, to shorten the turn. Must not block.
     */
    default void prepare(String text) {
    }
}
