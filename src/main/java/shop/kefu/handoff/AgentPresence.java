package shop.kefu.handoff;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

/** Which agents have the workspace open (count of /ws/agent connections per agent). */
@ApplicationScoped
public class AgentPresence {

    private final Map<String, AtomicInteger> connections = new ConcurrentHashMap<>();

    void connected(String agentId) {
        connections.computeIfAbsent(agentId, k -> new AtomicInteger()).incrementAndGet();
    }

    /** @return true if that was the agent's last connection */
    boolean disconnected(String agentId) {
        AtomicInteger n = connections.get(agentId);
        if (n == null || n.decrementAndGet() <= 0) {
            connections.remove(agentId);
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
