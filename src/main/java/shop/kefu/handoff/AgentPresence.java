package shop.kefu.handoff;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import shop.kefu.common.Exceptions;

/**
 * Which agents are present: those with the workspace (/ws/agent) open on this node, and any agent who
 * showed a sign of life within the disconnect grace period, as recorded in the database (a socket
 * opened or closed, a presence sweep while a socket stays open, a REST call). An agent who works only
 * through REST is present while they work; an agent nobody has seen for the grace period is absent,
 * whichever node they used and across restarts.
 */
@ApplicationScoped
public class AgentPresence {

    /** A REST call writes the agent's presence at most this often: not one write per request. */
    private static final Duration WRITE_AT_MOST_EVERY = Duration.ofSeconds(5);

    @Inject
    HandoffConfig config;

    private final Map<String, AtomicInteger> connections = new ConcurrentHashMap<>();
    /** The name each agent signed in with: shoppers see it, not the id. */
    private final Map<String, String> names = new ConcurrentHashMap<>();
    private final Map<String, OffsetDateTime> written = new ConcurrentHashMap<>();

    void connected(String agentId, String name) {
        names.put(agentId, name);
        connections.computeIfAbsent(agentId, k -> new AtomicInteger()).incrementAndGet();
        record(agentId, name, true);
    }

    /** @return true if that was the agent's last connection on this node */
    boolean disconnected(String agentId) {
        AtomicInteger n = connections.get(agentId);
        if (n == null || n.decrementAndGet() <= 0) {
            connections.remove(agentId);
            String name = names.remove(agentId);
            record(agentId, name == null ? agentId : name, true); // the grace period runs from here
            return true;
        }
        return false;
    }

    /** An agent's call to the REST API: they are at work. */
    void seen(String agentId, String name) {
        record(agentId, name, false);
    }

    /** Keeps the agents connected to this node present for the other nodes and for the sweep. */
    void heartbeat() {
        connections.keySet().forEach(id -> record(id, names.getOrDefault(id, id), true));
    }

    /** The name of a present agent; empty when the agent is absent. */
    Optional<String> nameOf(String agentId) {
        if (connections.containsKey(agentId)) {
            return Optional.ofNullable(names.get(agentId));
        }
        return QuarkusTransaction.joiningExisting().call(() -> Optional.ofNullable(AgentSeen.<AgentSeen> findById(agentId))
                .filter(s -> s.lastSeen.isAfter(since())).map(s -> s.name));
    }

    public boolean isOnline(String agentId) {
        return nameOf(agentId).isPresent();
    }

    /** How many agents are present, for the wait a shopper is told: those {@link #present()} lists. */
    public int online() {
        return present().size();
    }

    /**
     * The agents present now and the names they signed in with, by id: the one reading of "present" for
     * the whole team (the database's recent signs of life, and this node's open workspaces, whose names win).
     */
    public Map<String, String> present() {
        Map<String, String> present = new java.util.TreeMap<>();
        QuarkusTransaction.joiningExisting().call(() -> AgentSeen.<AgentSeen> list("lastSeen > ?1", since()))
                .forEach(s -> present.put(s.agentId, s.name));
        connections.keySet().forEach(id -> present.put(id, names.getOrDefault(id, id)));
        return present;
    }

    /** Of these agents, the ones absent now. */
    List<String> absent(List<String> agentIds) {
        return agentIds.stream().filter(id -> !isOnline(id)).toList();
    }

    private OffsetDateTime since() {
        return OffsetDateTime.now().minus(config.disconnectGrace());
    }

    private void record(String agentId, String name, boolean always) {
        OffsetDateTime now = OffsetDateTime.now();
        OffsetDateTime last = written.get(agentId);
        if (!always && last != null && last.isAfter(now.minus(WRITE_AT_MOST_EVERY))) {
            return;
        }
        written.put(agentId, now);
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                if (AgentSeen.update("name = ?1, lastSeen = ?2 where agentId = ?3", name, now, agentId) == 0) {
                    AgentSeen s = new AgentSeen();
                    s.agentId = agentId;
                    s.name = name;
                    s.lastSeen = now;
                    s.persist();
                }
            });
        } catch (RuntimeException e) {
            if (!Exceptions.constraintViolation(e)) { // else another node inserted it first: present all the same
                throw e;
            }
        }
    }
}
