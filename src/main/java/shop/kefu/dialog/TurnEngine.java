package shop.kefu.dialog;

/** Decides the bot's reply to one shopper message. The chat layer stores the reply; tools store their own effects. */
public interface TurnEngine {
    TurnResult respond(Turn turn);
}
