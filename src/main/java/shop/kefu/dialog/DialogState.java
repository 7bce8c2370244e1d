package shop.kefu.dialog;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import shop.kefu.policy.ClaimKind;
import shop.kefu.policy.ClaimReason;

/**
 * What the embedded engine remembers between turns of one conversation (stored as JSON).
 *
 * @param failedTurns consecutive turns the bot could not answer confidently
 * @param flow        the after-sales request or visit being filled in, if any
 * @param hint        the problem the last answer was about (e.g. spoiled goods), to prefill a request
 * @param hintOrder   the order line the last answer was about (the shopper's item it named), or null
 * @param hintSku     that line's sku
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DialogState(int failedTurns, Flow flow, ClaimReason hint, String hintOrder, String hintSku) {

    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public static final DialogState FRESH = new DialogState(0, null, null, null, null);

    public enum Awaiting {
        ORDER, REASON, KIND, UNUSED, EVIDENCE, CONFIRM
    }

    /** An after-sales request (or, with {@code visit} set, an installation/repair visit) being filled in. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Flow(String visit, String orderId, String sku, ClaimKind kind, ClaimReason reason, Double share,
            Boolean unused, List<String> evidence, Awaiting awaiting, int retries) {

        public Flow {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }

        public Flow(String visit, String orderId, String sku, ClaimKind kind, ClaimReason reason, Double share, Boolean unused,
                List<String> evidence, Awaiting awaiting) {
            this(visit, orderId, sku, kind, reason, share, unused, evidence, awaiting, 0);
        }

        Flow with(Awaiting a) {
            return new Flow(visit, orderId, sku, kind, reason, share, unused, evidence, a, retries);
        }

        Flow withRetries(int n) {
            return new Flow(visit, orderId, sku, kind, reason, share, unused, evidence, awaiting, n);
        }

        Flow withEvidence(List<String> more) {
            List<String> all = new ArrayList<>(evidence);
            more.stream().filter(id -> !all.contains(id)).forEach(all::add);
            return new Flow(visit, orderId, sku, kind, reason, share, unused, all, awaiting, retries);
        }
    }

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
        return new DialogState(failedTurns + 1, flow, hint, hintOrder, hintSku);
    }

    /** A request started or changed; ended (null): the item it was about is no longer a hint. */
    public DialogState withFlow(Flow f) {
        return f == null ? new DialogState(0, null, hint, null, null) : new DialogState(0, f, hint, hintOrder, hintSku);
    }

    public DialogState withHint(ClaimReason h) {
        return new DialogState(0, null, h, null, null);
    }

    /** After an answer about a problem with one of the shopper's items: a request starts from both. */
    public DialogState withHint(ClaimReason h, String orderId, String sku) {
        return new DialogState(0, null, h, orderId, sku);
    }
}
