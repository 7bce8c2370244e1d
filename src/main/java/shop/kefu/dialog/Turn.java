package shop.kefu.dialog;

import java.util.List;

/**
 * One shopper message as an engine sees it.
 *
 * @param dialogState the engine's state from the previous turn (JSON), or null on the first turn
 */
public record Turn(String conversationId, String customerId, String text, List<String> attachments, String dialogState) {
}
