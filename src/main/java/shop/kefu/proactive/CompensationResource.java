package shop.kefu.proactive;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import shop.kefu.handoff.AgentResource;
import shop.kefu.handoff.AgentService;
import shop.kefu.security.Roles;

/**
 * The shopper's delay compensation cases, for the agent working on their conversation: what the policy
 * granted (with its rule) and what the shopper chose. Who may open the conversation follows the rule for
 * conversations (handoff).
 */
@Path("/api/agent/conversations/{id}/compensations")
@RolesAllowed({ Roles.AGENT, Roles.ADMIN })
public class CompensationResource {

    private static final int MOST = 50;

    public record Item(String id, String orderId, String kind, BigDecimal amount, String rule, String reason, int delayMinutes,
            String status, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    @Inject
    AgentService agents;
    @Inject
    JsonWebToken jwt;

    /** The most recent 50, newest first. */
    @GET
    public List<Item> list(@PathParam("id") String conversationId) {
        String customer = agents.customerOf(conversationId, AgentResource.agent(jwt));
        return QuarkusTransaction.requiringNew().call(() -> CompensationCase.<CompensationCase> find(
                "customerId = ?1 order by createdAt desc, id desc", customer).page(0, MOST).list().stream()
                .map(c -> new Item(c.id, c.orderId, c.kind, c.amount, c.rule, c.reason, c.delayMinutes, c.status, c.createdAt, c.updatedAt))
                .toList());
    }
}
