package shop.kefu.conversation;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every frame the service sends, mirroring {@code ClientFrame} for what clients send: the events stored
 * in a conversation's log ({@link Logged}, replayed on resume) and the frames that only a connection
 * sees. Records name each frame's fields once; {@link ServerEvents} turns them into JSON in one place,
 * so a field cannot be spelled two ways by two writers. docs/api.md describes the same frames.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(ServerEvent.Message.class), @JsonSubTypes.Type(ServerEvent.Reply.class),
        @JsonSubTypes.Type(ServerEvent.Rating.class), @JsonSubTypes.Type(ServerEvent.Handoff.class),
        @JsonSubTypes.Type(ServerEvent.AgentJoined.class), @JsonSubTypes.Type(ServerEvent.AgentLeft.class),
        @JsonSubTypes.Type(ServerEvent.Session.class), @JsonSubTypes.Type(ServerEvent.Ack.class),
        @JsonSubTypes.Type(ServerEvent.Error.class), @JsonSubTypes.Type(ServerEvent.AgentView.class),
        @JsonSubTypes.Type(ServerEvent.Queue.class), @JsonSubTypes.Type(ServerEvent.More.class) })
public sealed interface ServerEvent {

    /** An event of a conversation's log: stored with a seq and a time, and replayed to every view. */
    sealed interface Logged extends ServerEvent {
    }

    /** An agent as shoppers and other agents see them. */
    record AgentRef(String id, String name) {
    }

    // ---------------------------------------------------------------- stored in the log

    /** A shopper's message. */
    @JsonTypeName("message")
    record Message(String from, String id, String text, List<String> attachments) implements Logged {
        public static Message fromShopper(String id, String text, List<String> attachments) {
            return new Message("shopper", id, text, List.copyOf(attachments));
        }
    }

    /**
     * A reply from the bot, an agent or the system. {@code confidence} is rounded to three places;
     * {@code agent}, {@code aftersales} and {@code decision} appear only when set.
     */
    @JsonTypeName("reply")
    record Reply(String from, String text, double confidence, List<Citation> citations, List<String> quickReplies,
            List<Action> actions, @JsonInclude(JsonInclude.Include.NON_NULL) AgentRef agent,
            @JsonInclude(JsonInclude.Include.NON_NULL) AfterSalesCard aftersales,
            @JsonInclude(JsonInclude.Include.NON_NULL) DecisionRef decision) implements Logged {

        /**
         * The longest reply text kept. A reply is stored as plain text in a column of 8,000 characters;
         * templates and articles stay far below this, but a model's runaway answer must be cut, not make
         * the turn fail in the database.
         */
        public static final int MAX_TEXT = 4000;

        public Reply {
            if (text != null && text.length() > MAX_TEXT) {
                int end = Character.isHighSurrogate(text.charAt(MAX_TEXT - 2)) ? MAX_TEXT - 2 : MAX_TEXT - 1;
                text = text.substring(0, end) + "…";
            }
            confidence = Math.round(confidence * 1000) / 1000.0;
            citations = List.copyOf(citations);
            quickReplies = List.copyOf(quickReplies);
            actions = List.copyOf(actions);
        }

        /** A plain reply: text and quick replies only. */
        public static Reply of(String from, String text, double confidence, List<String> quickReplies) {
            return new Reply(from, text, confidence, List.of(), quickReplies, List.of(), null, null, null);
        }

        public Reply byAgent(AgentRef by) {
            return new Reply(from, text, confidence, citations, quickReplies, actions, by, aftersales, decision);
        }

        public Reply withActions(List<Action> more) {
            return new Reply(from, text, confidence, citations, quickReplies, more, agent, aftersales, decision);
        }
    }

    record Citation(String articleId, String title) {
    }

    /** Something the reply did; {@code aftersalesId} and {@code kind} for a created after-sales order. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Action(String type, String aftersalesId, String kind) {
    }

    /** The after-sales request a reply is about, every field present (null when not known yet). */
    record AfterSalesCard(String orderId, String sku, String item, String kind, String reason, Boolean unused, String visit,
            String step) {
    }

    record DecisionRef(String outcome, String rule) {
    }

    @JsonTypeName("rating")
    record Rating(int score, @JsonInclude(JsonInclude.Include.NON_NULL) String comment) implements Logged {
    }

    /** The conversation entered the human queue; the wait is null when nobody is online. */
    @JsonTypeName("handoff")
    record Handoff(String reason, long queuePosition, int agentsOnline, Long estimatedWaitMinutes) implements Logged {
    }

    @JsonTypeName("agent_joined")
    record AgentJoined(AgentRef agent) implements Logged {
    }

    @JsonTypeName("agent_left")
    record AgentLeft(AgentRef agent) implements Logged {
    }

    // ---------------------------------------------------------------- connection frames, never stored

    /** First frame on /ws/chat: the conversation the connection follows. */
    @JsonTypeName("session")
    record Session(String conversationId, long lastSeq, String state) implements ServerEvent {
    }

    /** A shopper message is stored under this seq. */
    @JsonTypeName("ack")
    record Ack(String id, String conversationId, long seq) implements ServerEvent {
    }

    /** A refused frame; {@code id} names the client message it refers to, when there is one. */
    @JsonTypeName("error")
    record Error(String code, String message, @JsonInclude(JsonInclude.Include.NON_NULL) String id) implements ServerEvent {
    }

    /** On /ws/agent: an event of a conversation the agent holds, as stored (with its seq). */
    @JsonTypeName("event")
    record AgentView(String conversationId, JsonNode event) implements ServerEvent {
    }

    /**
     * A resume sent one page of the log and more follows: the client resumes again after
     * {@code afterSeq} (the last event it got) when it wants the rest.
     */
    @JsonTypeName("more")
    record More(String conversationId, long afterSeq, long lastSeq) implements ServerEvent {
    }

    /** On /ws/agent: the first page of the queue, and how many conversations wait in all. */
    @JsonTypeName("queue")
    record Queue(List<?> items, long total) implements ServerEvent {
    }
}
