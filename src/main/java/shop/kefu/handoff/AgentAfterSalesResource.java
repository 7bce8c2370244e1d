package shop.kefu.handoff;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import shop.kefu.aftersales.AfterSalesService;
import shop.kefu.aftersales.Claim;
import shop.kefu.common.Refusal;
import shop.kefu.policy.ClaimKind;
import shop.kefu.policy.ClaimReason;
import shop.kefu.policy.Decision;
import shop.kefu.security.Roles;

/**
 * After-sales orders and compensation created by an agent for the shopper of a conversation they
 * hold. The same policy engine decides: agents act within the frontline limit, above it a review.
 * (Mounted at /api/agent like AgentResource: JAX-RS picks one resource class per path prefix.)
 */
@Path("/api/agent")
@RolesAllowed({ Roles.AGENT, Roles.ADMIN })
public class AgentAfterSalesResource {

    @Inject
    AgentService agents;
    @Inject
    AfterSalesService aftersales;
    @Inject
    JsonWebToken jwt;
    @Inject
    ObjectMapper json;

    public record NewAfterSales(@NotNull String orderId, @NotNull String sku, @NotNull ClaimKind kind, @NotNull ClaimReason reason,
            @DecimalMin("0.01") @DecimalMax("1") BigDecimal share, @Size(max = 10) List<String> evidence, boolean unused) {
    }

    public record Compensation(@NotNull String orderId, @NotNull String sku, @NotNull @DecimalMin("0.01") BigDecimal amount,
            @Size(max = 500) String note) {
    }

    public record Result(String aftersalesId, String status, String outcome, String rule, String reason, BigDecimal amount) {
    }

    @POST
    @Path("/conversations/{id}/aftersales")
    public RestResponse<Result> create(@PathParam("id") String id, @Valid @NotNull NewAfterSales body) {
        return submit(id, claim(body));
    }

    @POST
    @Path("/conversations/{id}/compensation")
    public RestResponse<Result> compensate(@PathParam("id") String id, @Valid @NotNull Compensation body) {
        return submit(id, claim(body));
    }

    /**
     * What the policy engine would decide on this request now, without creating anything: the agent sees
     * the decision and its rule before submitting. The same request submitted may still be decided
     * otherwise if something changes in between (another claim on the item, the window closing).
     */
    @POST
    @Path("/conversations/{id}/aftersales/preview")
    public Result preview(@PathParam("id") String id, @Valid @NotNull NewAfterSales body) {
        return evaluate(id, claim(body));
    }

    @POST
    @Path("/conversations/{id}/compensation/preview")
    public Result previewCompensation(@PathParam("id") String id, @Valid @NotNull Compensation body) {
        return evaluate(id, claim(body));
    }

    private Result evaluate(String conversationId, Claim claim) {
        String customer = agents.heldCustomer(conversationId, AgentResource.agent(jwt));
        try {
            Decision d = aftersales.evaluate(customer, claim).decision();
            return new Result(null, null, d.outcome().name().toLowerCase(), d.rule(), d.reason(), d.amount());
        } catch (AfterSalesService.UnknownOrderException e) {
            throw Refusal.notFound(e.getMessage());
        }
    }

    private static Claim claim(NewAfterSales body) {
        return new Claim(body.orderId(), body.sku(), body.kind(), body.reason(), body.share() == null ? 1 : body.share().doubleValue(),
                body.evidence(), body.unused());
    }

    private static Claim claim(Compensation body) {
        return new Claim(body.orderId(), body.sku(), ClaimKind.REFUND, ClaimReason.GOODWILL, 1, List.of(), false, body.amount());
    }

    private RestResponse<Result> submit(String conversationId, Claim claim) {
        AgentService.Agent agent = AgentResource.agent(jwt);
        String customer = agents.heldCustomer(conversationId, agent);
        try {
            var submitted = aftersales.submit(customer, claim, conversationId, agent.id());
            Decision d = submitted.decision();
            var created = submitted.created();
            if (created.isEmpty()) {
                return RestResponse.status(RestResponse.Status.CONFLICT,
                        new Result(null, null, d.outcome().name().toLowerCase(), d.rule(), d.reason(), d.amount()));
            }
            var a = created.get().order();
            agents.announceAfterSales(conversationId, a);
            return RestResponse.status(created.get().duplicate() ? RestResponse.Status.OK : RestResponse.Status.CREATED,
                    new Result(a.id, a.status.name().toLowerCase(), d.outcome().name().toLowerCase(), a.decisionRule, a.decisionReason, a.amount));
        } catch (AfterSalesService.UnknownOrderException e) {
            throw Refusal.notFound(e.getMessage());
        }
    }
}
