package shop.kefu.conversation;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The one place where {@link ServerEvent}s become JSON. It uses the application's ObjectMapper, so
 * times and nested values are written as the REST API writes them.
 */
@ApplicationScoped
public class ServerEvents {

    @Inject
    ObjectMapper json;

    /** The frame as a JSON object, {@code type} first. */
    public ObjectNode tree(ServerEvent event) {
        return json.valueToTree(event);
    }

    /** The attachment ids of a stored {@link ServerEvent.Message}'s payload. */
    List<String> attachments(String payload) {
        try {
            List<String> ids = new ArrayList<>();
            json.readTree(payload).path("attachments").forEach(id -> ids.add(id.asText()));
            return List.copyOf(ids);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored message's payload is not JSON", e);
        }
    }

    /** The frame as text, ready to send. */
    public String text(ServerEvent event) {
        return tree(event).toString();
    }
}
