package shop.kefu.dialog;

import java.util.List;

/**
 * One shopper message as an engine sees it.
 *
 * @param text        the message as the engine reads it ({@link #readAs})
 * @param dialogState the engine's state from the previous turn (JSON), or null on the first turn
 * @param typed       the message as the shopper typed it: what is kept in their name (a visit's note) and
 *                    what our own buttons are compared with
 */
public record Turn(String conversationId, String customerId, String text, List<String> attachments, String dialogState, String typed) {

    public Turn(String conversationId, String customerId, String text, List<String> attachments, String dialogState) {
        this(conversationId, customerId, text, attachments, dialogState, text);
    }

    /** The same turn, read as {@code read} (product words typed as homophones put back); {@link #typed} stays. */
    public Turn readAs(String read) {
        return new Turn(conversationId, customerId, read, attachments, dialogState, typed);
    }
}
