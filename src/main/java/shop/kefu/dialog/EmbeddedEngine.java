package shop.kefu.dialog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The default engine, running fully in-process. */
@ApplicationScoped
public class EmbeddedEngine implements TurnEngine {

    @Inject
    Replies replies;

    @Override
    public TurnResult respond(Turn turn) {
        return TurnResult.say(replies.text("still.learning"), 0.0).withHandoff(HandoffReason.LOW_CONFIDENCE);
    }
}
