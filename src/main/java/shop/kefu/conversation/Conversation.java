package shop.kefu.conversation;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A shopper's conversation and who answers it. The state moves only through the methods below, so its
 * rules live here: the bot holds it ({@code BOT}) until a handoff puts it in the queue
 * ({@code WAITING_FOR_AGENT}); an agent takes it ({@code WITH_AGENT}) and hands it to another agent,
 * back to the queue or back to the bot, or resolves it ({@code CLOSED}). Callers hold the row lock
 * ({@link Conversations#lock}) and append the matching events to the log.
 */
@Entity
@Table(name = "conversation")
public class Conversation extends PanacheEntityBase {
    @Id
    public String id;
    @Column(name = "customer_id")
    public String customerId;
    /** customerId while open, null once closed (unique: one open conversation per shopper). */
    @Column(name = "active_key")
    public String activeKey;
    @Enumerated(EnumType.STRING)
    public ConversationState state;
    @Column(name = "last_seq")
    public long lastSeq;
    @Column(name = "agent_id")
    public String agentId;
    @Column(name = "handoff_reason")
    public String handoffReason;
    @Column(name = "handoff_at")
    public OffsetDateTime handoffAt;
    /** The dialog engine's own state (JSON), opaque to the chat layer. */
    @Column(name = "dialog_state")
    public String dialogState;
    /** Queue order: higher first (upset shoppers, fresh-goods problems), then waiting time. */
    public int urgency;
    @Column(name = "agent_name")
    public String agentName;
    @Column(name = "first_agent_reply_at")
    public OffsetDateTime firstAgentReplyAt;
    @Column(name = "resolved_at")
    public OffsetDateTime resolvedAt;
    @Column(name = "first_response_breached")
    public boolean firstResponseBreached;
    @Column(name = "solution_breached")
    public boolean solutionBreached;
    public Integer rating;
    @Column(name = "rating_comment")
    public String ratingComment;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public boolean isOpen() {
        return state != ConversationState.CLOSED;
    }

    /** A new conversation of the shopper, held by the bot; the only open one (see activeKey). */
    static Conversation openFor(String customerId, String id, OffsetDateTime now) {
        Conversation c = new Conversation();
        c.id = id;
        c.customerId = customerId;
        c.activeKey = customerId;
        c.state = ConversationState.BOT;
        c.createdAt = c.updatedAt = now;
        return c;
    }

    public boolean isHeldBy(String agent) {
        return state == ConversationState.WITH_AGENT && agent.equals(agentId);
    }

    /**
     * From the bot into the human queue. A conversation handed off before keeps its first handoff time,
     * and with it its place and its service-level clock. False, and nothing changes, unless the bot holds it.
     */
    public boolean handOff(String reason, int urgency, OffsetDateTime now) {
        if (state != ConversationState.BOT) {
            return false;
        }
        state = ConversationState.WAITING_FOR_AGENT;
        handoffReason = reason;
        if (handoffAt == null) {
            handoffAt = now;
        }
        this.urgency = urgency;
        firstResponseBreached = false;
        return true;
    }

    /**
     * An agent takes it: from the queue, from another agent, or from the bot. Taking it from the bot is a
     * handoff by the agent ({@code agent_claimed}): it gets a handoff time like any other, so that the
     * queue, the wait shown and the service-level clock have one if it goes back to the queue.
     */
    public void assignTo(String agent, String name, OffsetDateTime now) {
        if (state == ConversationState.BOT) {
            handoffReason = "agent_claimed";
            if (handoffAt == null) {
                handoffAt = now;
            }
        }
        state = ConversationState.WITH_AGENT;
        agentId = agent;
        agentName = name;
    }

    /** The agent lets go; it waits in the queue again, in its old place (or from now, if it never had one). */
    public void backToQueue(OffsetDateTime now) {
        unassign();
        state = ConversationState.WAITING_FOR_AGENT;
        if (handoffAt == null) {
            handoffAt = now;
        }
    }

    /** One rating, once the conversation has ended. */
    public boolean rateable() {
        return state == ConversationState.CLOSED && rating == null;
    }

    /** The agent hands it back to the bot, which starts afresh; a later handoff queues it anew. */
    public void backToBot() {
        unassign();
        state = ConversationState.BOT;
        dialogState = null;
        handoffAt = null;
    }

    /**
     * Resolved by the agent, who stays recorded for the rating; the shopper's next message opens a new
     * conversation.
     */
    public void close(String agent, String name, OffsetDateTime now) {
        state = ConversationState.CLOSED;
        agentId = agent;
        agentName = name;
        activeKey = null;
        resolvedAt = now;
    }

    /** The first agent reply stops the first-response clock. */
    public void agentReplied(OffsetDateTime now) {
        if (firstAgentReplyAt == null) {
            firstAgentReplyAt = now;
        }
    }

    private void unassign() {
        agentId = null;
        agentName = null;
    }
}
