package shop.kefu.handoff;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import shop.kefu.common.Page;
import shop.kefu.common.PageRequest;
import shop.kefu.common.Refusal;
import shop.kefu.conversation.ChatEvent;
import shop.kefu.conversation.Conversation;
import shop.kefu.conversation.ConversationClosed;
import shop.kefu.conversation.ConversationState;
import shop.kefu.conversation.Conversations;
import shop.kefu.conversation.EventLog;
import shop.kefu.conversation.ServerEvent;
import shop.kefu.dialog.Replies;

/** What agents do with conversations: claim, reply, transfer, hand back, resolve, take notes. */
@ApplicationScoped
public class AgentService {

    private static final Logger LOG = Logger.getLogger(AgentService.class);
    /** Notes shown with a transcript, oldest first; notes are added by staff only, a few per conversation. */
    private static final int NOTES = 200;

    @Inject
    Conversations conversations;
    @Inject
    EventLog log;
    @Inject
    HandoffService handoff;
    @Inject
    Summaries summaries;
    @Inject
    HandoffConfig config;
    @Inject
    Replies replies;
    @Inject
    Event<QueueChanged> queueChanged;
    @Inject
    AgentPresence presence;
    @Inject
    Event<ConversationClosed> closed;
    @Inject
    HandoffMetrics metrics;

    /**
     * A staff member working conversations. {@code seesAll}: a supervisor or an admin, who may open any
     * conversation; an agent opens the queue's and their own (held now, or resolved by them).
     */
    public record Agent(String id, String name, boolean seesAll) {
        public Agent(String id, String name) {
            this(id, name, false);
        }

        ServerEvent.AgentRef ref() {
            return new ServerEvent.AgentRef(id, name);
        }
    }

    public record QueueItem(String conversationId, String customerId, String reason, int urgency, long queuePosition,
            long waitingSeconds, boolean firstResponseBreached, OffsetDateTime handoffAt, OffsetDateTime firstResponseDue,
            Summaries.Summary summary) {
    }

    /** A page of the queue: most urgent first, then longest waiting; the cursor is the last conversation seen. */
    public Page<QueueItem> queue(PageRequest page) {
        return QuarkusTransaction.requiringNew().call(() -> {
            String where = "state = :waiting";
            Parameters params = Parameters.with("waiting", ConversationState.WAITING_FOR_AGENT);
            if (page.after() != null) {
                Conversation last = Conversation.<Conversation> findByIdOptional(page.after()).filter(c -> c.handoffAt != null)
                        .orElseThrow(() -> Refusal.invalid("invalid_cursor", "Parameter after names no conversation of the queue."));
                where += " and (urgency < :u or (urgency = :u and (handoffAt > :h or (handoffAt = :h and id > :id))))";
                params.and("u", last.urgency).and("h", last.handoffAt).and("id", last.id);
            }
            List<Conversation> waiting = Conversation.<Conversation> find(where + " order by urgency desc, handoffAt asc, id asc", params)
                    .range(0, page.fetch() - 1).list();
            Page<Conversation> rows = page.cut(waiting, c -> c.id);
            OffsetDateTime now = OffsetDateTime.now();
            long position = rows.items().isEmpty() ? 0 : HandoffService.queuePosition(rows.items().get(0)) - 1;
            List<QueueItem> items = new java.util.ArrayList<>();
            for (Conversation c : rows.items()) {
                // every way into the queue sets a handoff time; a row from before that rule waits from now
                OffsetDateTime since = c.handoffAt == null ? now : c.handoffAt;
                items.add(new QueueItem(c.id, c.customerId, c.handoffReason, c.urgency, ++position, Duration.between(since, now).toSeconds(),
                        c.firstResponseBreached || Duration.between(since, now).compareTo(config.firstResponse()) > 0, since,
                        since.plus(config.firstResponse()), summaries.of(c)));
            }
            return new Page<>(items, rows.next());
        });
    }

    /**
     * A conversation an agent holds, for the workspace's list of "my conversations" (and a supervisor's
     * view of everyone's): it survives a reload or a second window because it is read, not remembered.
     */
    public record HeldItem(String conversationId, String customerId, String agentId, String agentName, String reason,
            OffsetDateTime handoffAt, OffsetDateTime firstAgentReplyAt, OffsetDateTime firstResponseDue, boolean firstResponseBreached,
            boolean solutionBreached, long lastSeq, Summaries.Summary summary) {
    }

    /** An agent present now, and how many conversations they hold. */
    public record AgentLoad(String agentId, String name, long holding) {
    }

    /** The conversations this agent holds, longest held first (at most a page: nobody works 200 at once). */
    public List<HeldItem> heldBy(Agent agent) {
        return held("state = ?1 and agentId = ?2", ConversationState.WITH_AGENT, agent.id());
    }

    /** Every conversation held by an agent (a supervisor's view), longest waiting first. */
    public List<HeldItem> allHeld(Agent agent) {
        if (!agent.seesAll()) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "supervisor_required", "Only a supervisor or an admin sees every agent's conversations.");
        }
        return held("state = ?1", ConversationState.WITH_AGENT);
    }

    private List<HeldItem> held(String where, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            OffsetDateTime now = OffsetDateTime.now();
            return Conversation.<Conversation> find(where + " order by handoffAt asc, id asc", params).range(0, PageRequest.MAX_LIMIT - 1)
                    .list().stream().map(c -> new HeldItem(c.id, c.customerId, c.agentId, c.agentName, c.handoffReason, c.handoffAt,
                            c.firstAgentReplyAt, c.handoffAt == null ? null : c.handoffAt.plus(config.firstResponse()),
                            c.firstResponseBreached || c.firstAgentReplyAt == null && c.handoffAt != null
                                    && Duration.between(c.handoffAt, now).compareTo(config.firstResponse()) > 0,
                            c.solutionBreached, c.lastSeq, summaries.of(c)))
                    .toList();
        });
    }

    /** The agents present now with their load, fewest conversations first (whom to transfer to). */
    public List<AgentLoad> present() {
        return QuarkusTransaction.requiringNew().call(() -> {
            java.util.Map<String, Long> load = new java.util.HashMap<>();
            Conversation.getEntityManager().createQuery("select c.agentId, count(c) from Conversation c where c.state = :s group by c.agentId",
                    Object[].class).setParameter("s", ConversationState.WITH_AGENT).getResultList()
                    .forEach(row -> load.put((String) row[0], ((Number) row[1]).longValue()));
            return presence.present().entrySet().stream().map(e -> new AgentLoad(e.getKey(), e.getValue(), load.getOrDefault(e.getKey(), 0L)))
                    .sorted(java.util.Comparator.comparingLong(AgentLoad::holding).thenComparing(AgentLoad::agentId)).toList();
        });
    }

    /** How many conversations wait in the queue. */
    public long waiting() {
        return QuarkusTransaction.requiringNew().call(() -> Conversation.count("state", ConversationState.WAITING_FOR_AGENT));
    }

    /** The agent takes the conversation; exactly one of two agents claiming at once wins. */
    public void claim(String conversationId, Agent agent) {
        QuarkusTransaction.requiringNew().run(() -> {
            Conversation c = existing(conversationId);
            if (c.isHeldBy(agent.id())) {
                return; // already theirs: a repeated click changes nothing
            }
            if (c.state == ConversationState.WITH_AGENT) {
                throw Refusal.conflict("already_claimed", "Agent " + c.agentName + " already holds this conversation.");
            }
            if (c.state == ConversationState.CLOSED) {
                throw Refusal.conflict("closed", "The conversation is closed.");
            }
            join(c, agent);
        });
        queueChanged.fire(new QueueChanged(conversationId));
    }

    public void message(String conversationId, Agent agent, String text) {
        String t = text == null ? "" : text.strip();
        int max = config.maxTextLength();
        if (t.isEmpty() || t.length() > max) {
            throw Refusal.invalid("invalid_text", "The message must be 1 to " + max + " characters.");
        }
        QuarkusTransaction.requiringNew().run(() -> {
            Conversation c = held(conversationId, agent);
            log.append(c, ServerEvent.Reply.of("agent", t, 1.0, List.of()).byAgent(agent.ref()), "agent", t);
            OffsetDateTime now = OffsetDateTime.now();
            metrics.agentReplies(c, now);
            c.agentReplied(now);
        });
    }

    /**
     * To another agent who is present (under the name they signed in with), or (no target) back to the
     * queue, keeping the original place. A target nobody is signed in as is refused: the conversation
     * would wait for an agent who may not exist, and the shopper would see a made-up name. The holder
     * transfers; a supervisor or admin may also take a conversation from another agent (an override, for
     * an agent who is away but still counts as present).
     */
    public void transfer(String conversationId, Agent agent, String targetAgentId) {
        Agent target = null;
        if (targetAgentId != null && !targetAgentId.isBlank()) {
            String id = targetAgentId.strip();
            target = new Agent(id, presence.nameOf(id).orElseThrow(() -> Refusal.conflict("agent_offline",
                    "Agent '" + id + "' has no workspace open; transfer to the queue instead.")));
        }
        Agent to = target;
        QuarkusTransaction.requiringNew().run(() -> {
            Conversation c = existing(conversationId);
            boolean override = agent.seesAll() && c.state == ConversationState.WITH_AGENT && !c.isHeldBy(agent.id());
            if (!override) {
                requireHeld(c, agent);
            } else {
                LOG.infof("%s moved conversation %s away from agent %s", agent.id(), conversationId, c.agentId);
            }
            leave(c);
            if (to != null) {
                join(c, to);
            } else {
                c.backToQueue(OffsetDateTime.now());
                handoff.announce(c, "transfer");
            }
        });
        queueChanged.fire(new QueueChanged(conversationId));
    }

    /** Hands the conversation back to the bot. */
    public void release(String conversationId, Agent agent) {
        QuarkusTransaction.requiringNew().run(() -> {
            Conversation c = held(conversationId, agent);
            leave(c);
            c.backToBot();
            log.systemReply(c, replies.text("agent.back.to.bot"));
        });
        queueChanged.fire(new QueueChanged(conversationId));
    }

    public void resolve(String conversationId, Agent agent) {
        QuarkusTransaction.requiringNew().run(() -> {
            Conversation c = held(conversationId, agent);
            leave(c);
            c.close(agent.id(), agent.name(), OffsetDateTime.now()); // ratings are kept per conversation and agent
            metrics.resolved(c, c.resolvedAt);
            closed.fire(new ConversationClosed(c.id));
            // the action lets a client show its own rating control; a tapped digit is taken as the rating too (TypedRating)
            log.systemReply(c, replies.text("agent.resolved"), List.of("5", "4", "3", "2", "1"),
                    List.of(new ServerEvent.Action("rating_requested", null, null)));
        });
        queueChanged.fire(new QueueChanged(conversationId));
    }

    /** The customer of a conversation the agent holds (409 otherwise). */
    public String heldCustomer(String conversationId, Agent agent) {
        return QuarkusTransaction.requiringNew().call(() -> held(conversationId, agent).customerId);
    }

    /** Tells the shopper that an agent created an after-sales order for them. */
    public void announceAfterSales(String conversationId, shop.kefu.aftersales.AfterSalesOrder a) {
        QuarkusTransaction.requiringNew().run(() -> {
            Conversation c = existing(conversationId);
            String text = replies.text("agent.aftersales", java.util.Map.of("id", a.id, "amount", a.amount.toPlainString(),
                    "status", a.status.label));
            log.append(c, ServerEvent.Reply.of("agent", text, 1.0, List.of()).byAgent(new ServerEvent.AgentRef(c.agentId, c.agentName))
                    .withActions(List.of(new ServerEvent.Action("aftersales_created", a.id, a.kind))), "agent", text);
        });
    }

    /** The access rule for staff, in one place: see {@link Agent}. */
    private static boolean opens(Conversation c, Agent agent) {
        return agent.seesAll() || c.state == ConversationState.WAITING_FOR_AGENT || agent.id().equals(c.agentId);
    }

    /** Another agent's conversation is 403. */
    private static void mayOpen(Conversation c, Agent agent) {
        if (!opens(c, agent)) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "not_yours",
                    "This conversation is held by another agent; a supervisor can open it.");
        }
    }

    /**
     * What belongs to some conversations (an attachment sent in them) is the agent's to see if one of them
     * is; with none (an upload never sent), only a supervisor's or an admin's.
     */
    public void mayOpenAny(List<String> conversationIds, Agent agent) {
        boolean any = agent.seesAll() || QuarkusTransaction.requiringNew().call(() -> conversationIds.stream()
                .map(id -> Conversation.<Conversation> findById(id)).anyMatch(c -> c != null && opens(c, agent)));
        if (!any) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "not_yours",
                    "This belongs to no conversation you may open; a supervisor can open it.");
        }
    }

    public AgentNote note(String conversationId, Agent agent, String text) {
        String t = text == null ? "" : text.strip();
        int max = config.maxTextLength();
        if (t.isEmpty() || t.length() > max) {
            throw Refusal.invalid("invalid_text", "The note must be 1 to " + max + " characters.");
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            mayOpen(existing(conversationId), agent);
            AgentNote n = new AgentNote();
            n.conversationId = conversationId;
            n.agentId = agent.id();
            n.text = t;
            n.createdAt = OffsetDateTime.now();
            n.persist();
            return n;
        });
    }

    /** After an agent's grace period offline: their conversations go back to the queue. */
    public int requeueHeldBy(String agentId) {
        List<String> ids = QuarkusTransaction.requiringNew().call(() -> Conversation.<Conversation> list("state = ?1 and agentId = ?2",
                ConversationState.WITH_AGENT, agentId).stream().map(c -> c.id).toList());
        for (String id : ids) {
            QuarkusTransaction.requiringNew().run(() -> {
                Conversation c = conversations.lock(id);
                if (c.isHeldBy(agentId)) {
                    leave(c);
                    c.backToQueue(OffsetDateTime.now());
                    handoff.announce(c, "agent_disconnected");
                }
            });
            queueChanged.fire(new QueueChanged(id));
        }
        return ids.size();
    }

    public record Transcript(String conversationId, String customerId, String state, String agentId, Summaries.Summary summary,
            List<com.fasterxml.jackson.databind.JsonNode> events, List<AgentNote> notes, Integer rating, String ratingComment) {
    }

    /** A transcript with one page of its events, and the cursor of the next page (null on the last). */
    public record TranscriptPage(Transcript transcript, String next) {
    }

    /** The transcript with one page of its events: those after seq {@code page.after()}, at most {@code page.limit()}. */
    public TranscriptPage transcript(String conversationId, Agent agent, com.fasterxml.jackson.databind.ObjectMapper json,
            PageRequest page) {
        long after = afterSeq(page);
        return QuarkusTransaction.requiringNew().call(() -> {
            Conversation c = existing(conversationId);
            mayOpen(c, agent);
            Page<ChatEvent> rows = page.cut(ChatEvent.<ChatEvent> find("conversationId = ?1 and seq > ?2 order by seq", c.id, after)
                    .range(0, page.fetch() - 1).list(), e -> Long.toString(e.seq));
            List<com.fasterxml.jackson.databind.JsonNode> events = rows.items().stream().map(e -> {
                try {
                    return json.readTree(e.wire());
                } catch (Exception ex) {
                    throw new IllegalStateException(ex);
                }
            }).toList();
            return new TranscriptPage(new Transcript(c.id, c.customerId, c.state.name(), c.agentId, summaries.of(c), events,
                    AgentNote.<AgentNote> find("conversationId = ?1 order by createdAt", c.id).range(0, NOTES - 1).list(), c.rating,
                    c.ratingComment), rows.next());
        });
    }

    /** The shopper of a conversation the agent may open. */
    public String customerOf(String conversationId, Agent agent) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Conversation c = existing(conversationId);
            mayOpen(c, agent);
            return c.customerId;
        });
    }

    private static long afterSeq(PageRequest page) {
        try {
            long seq = page.after() == null ? 0 : Long.parseLong(page.after());
            if (seq >= 0) {
                return seq;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw Refusal.invalid("invalid_cursor", "Parameter after must be the seq of an event.");
    }

    private void join(Conversation c, Agent agent) {
        metrics.agentJoins(c);
        c.assignTo(agent.id(), agent.name(), OffsetDateTime.now());
        log.append(c, new ServerEvent.AgentJoined(agent.ref()), "system", agent.name() + " 加入");
    }

    /** Tells the shopper the agent left; the caller then moves the conversation on. */
    private void leave(Conversation c) {
        log.append(c, new ServerEvent.AgentLeft(new ServerEvent.AgentRef(c.agentId, c.agentName)), "system", c.agentName + " 离开");
    }

    private Conversation existing(String id) {
        Conversation c = conversations.lock(id);
        if (c == null) {
            throw Refusal.notFound("No conversation '" + id + "'.");
        }
        return c;
    }

    private Conversation held(String id, Agent agent) {
        return requireHeld(existing(id), agent);
    }

    private static Conversation requireHeld(Conversation c, Agent agent) {
        if (!c.isHeldBy(agent.id())) {
            throw Refusal.conflict("not_held", "Claim the conversation first; it is not held by you.");
        }
        return c;
    }
}
