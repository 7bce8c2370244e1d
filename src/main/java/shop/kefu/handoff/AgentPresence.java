package shop.kefu.handoff;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

/** Which agents have the workspace open (count of /ws/agent connections per agent). */
@ApplicationScoped
public class AgentPresence {

    private final Map<String, AtomicInteger> connections = new ConcurrentHashMap<>();
    /** The name each online agent signed in with: shoppers see it, not the id. */
    private final Map<String, String> names = new ConcurrentHashMap<>();

    void connected(String agentId, String name) {
        names.put(agentId, name);
        connections.computeIfAbsent(agentId, k -> new AtomicInteger()).incrementAndGet();
    }

    /** The name of an online agent; empty when the agent has no workspace open. */
    java.util.Optional<String> nameOf(String agentId) {
        return isOnline(agentId) ? java.util.Optional.ofNullable(names.get(agentId)) : java.util.Optional.empty();
    }

    /** @return true if that was the agent's last connection */
    boolean disconnected(String agentId) {
        AtomicInteger n = connections.get(agentId);
        if (n == null || n.decrementAndGet() <= 0) {
            connections.remove(agentId);
            names.remove(agentId);
            return true;
        }
        return false;
    }

    public boolean isOnline(String agentId) {
        return connections.containsKey(agentId);
    }

    public int online() {
        return connections.size();
    }
}
