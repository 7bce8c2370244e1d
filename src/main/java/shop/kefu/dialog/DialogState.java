package shop.kefu.dialog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the embedded engine remembers between turns of one conversation.
 *
 * @param failedTurns consecutive turns the bot could not answer confidently
 */
public record DialogState(int failedTurns) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static final DialogState FRESH = new DialogState(0);

    public static DialogState parse(String json) {
        if (json == null || json.isBlank()) {
            return FRESH;
        }
        try {
            return JSON.readValue(json, DialogState.class);
        } catch (JsonProcessingException e) {
            return FRESH; // an unreadable state (older version) just starts over
        }
    }

    public String json() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public DialogState failed() {
        return new DialogState(failedTurns + 1);
    }
}
