package shop.kefu.handoff;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

import shop.kefu.aftersales.Order;
import shop.kefu.aftersales.OrderGateway;
import shop.kefu.common.Page;
import shop.kefu.common.PageRequest;
import shop.kefu.dialog.PromptsConfig;
import shop.kefu.dialog.Replies;
import shop.kefu.security.Roles;

/** The agent workspace over REST (the same actions exist on /ws/agent). */
@Path("/api/agent")
@RolesAllowed({ Roles.AGENT, Roles.ADMIN })
public class AgentResource {

    @Inject
    AgentService agents;
    @Inject
    JsonWebToken jwt;
    @Inject
    ObjectMapper json;
    @Inject
    OrderGateway orders;
    @Inject
    PromptsConfig prompts;
    @Inject
    AgentPresence presence;
    @Inject
    ShopperContext context;

    public record Text(String text) {
    }

    public record Target(String agentId) {
    }

    /** The calling agent as the token names them (also for the agent views of other features: WeChat status, compensations). */
    public static AgentService.Agent agent(JsonWebToken jwt) {
        Object name = jwt.getClaim("name");
        boolean seesAll = jwt.getGroups().contains(Roles.SUPERVISOR) || jwt.getGroups().contains(Roles.ADMIN);
        return new AgentService.Agent(jwt.getName(), name == null ? jwt.getName() : name.toString(), seesAll);
    }

    /** The calling agent; the call is a sign of life (AgentPresence). */
    private AgentService.Agent me() {
        AgentService.Agent a = agent(jwt);
        presence.seen(a.id(), a.name());
        return a;
    }

    @GET
    @Path("/queue")
    public RestResponse<List<AgentService.QueueItem>> queue(@QueryParam("limit") Integer limit, @QueryParam("after") String after,
            @Context UriInfo uri) {
        return agents.queue(PageRequest.of(limit, after)).response(uri);
    }

    /** The conversations the calling agent holds: a reload or a second window finds them again. */
    @GET
    @Path("/mine")
    public List<AgentService.HeldItem> mine() {
        return agents.heldBy(me());
    }

    /** Every conversation an agent holds (supervisors and admins; 403 supervisor_required otherwise). */
    @GET
    @Path("/held")
    public List<AgentService.HeldItem> held() {
        return agents.allHeld(me());
    }

    /** The agents present now and their load: whom a conversation can be transferred to. */
    @GET
    @Path("/agents")
    public List<AgentService.AgentLoad> present() {
        me();
        return agents.present();
    }

    @POST
    @Path("/conversations/{id}/claim")
    public Map<String, String> claim(@PathParam("id") String id) {
        agents.claim(id, me());
        return Map.of("conversationId", id, "agentId", jwt.getName());
    }

    @POST
    @Path("/conversations/{id}/messages")
    public RestResponse<Void> message(@PathParam("id") String id, Text body) {
        agents.message(id, me(), body == null ? null : body.text());
        return RestResponse.accepted();
    }

    @POST
    @Path("/conversations/{id}/transfer")
    public Map<String, String> transfer(@PathParam("id") String id, Target body) {
        agents.transfer(id, me(), body == null ? null : body.agentId());
        return Map.of("conversationId", id);
    }

    @POST
    @Path("/conversations/{id}/release")
    public Map<String, String> release(@PathParam("id") String id) {
        agents.release(id, me());
        return Map.of("conversationId", id);
    }

    @POST
    @Path("/conversations/{id}/resolve")
    public Map<String, String> resolve(@PathParam("id") String id) {
        agents.resolve(id, me());
        return Map.of("conversationId", id);
    }

    @POST
    @Path("/conversations/{id}/notes")
    public RestResponse<AgentNote> note(@PathParam("id") String id, Text body) {
        return RestResponse.status(RestResponse.Status.CREATED, agents.note(id, me(), body == null ? null : body.text()));
    }

    @GET
    @Path("/conversations/{id}")
    public RestResponse<AgentService.Transcript> transcript(@PathParam("id") String id, @QueryParam("limit") Integer limit,
            @QueryParam("after") String after, @Context UriInfo uri) {
        // a transcript is read whole more often than not: its page is the largest a list allows
        AgentService.TranscriptPage page = agents.transcript(id, me(), json,
                PageRequest.of(limit, after, PageRequest.MAX_LIMIT, PageRequest.MAX_LIMIT));
        return Page.withNext(RestResponse.ResponseBuilder.ok(page.transcript()), uri, page.next()).build();
    }

    /** The shopper's orders, for the agent working on their conversation. */
    @GET
    @Path("/conversations/{id}/orders")
    public List<Order> shopperOrders(@PathParam("id") String id) {
        return orders.ordersOf(agents.customerOf(id, me()));
    }

    /** The shopper's orders as cards with their after-sales windows, their cases and earlier conversations. */
    @GET
    @Path("/conversations/{id}/context")
    public ShopperContext.Context context(@PathParam("id") String id) {
        return context.of(agents.customerOf(id, me()), id);
    }

    @GET
    @Path("/canned")
    public Map<String, String> canned() {
        Properties p = Replies.read(prompts.dir(), "canned.properties");
        Map<String, String> out = new TreeMap<>();
        p.forEach((k, v) -> out.put(k.toString(), v.toString()));
        return out;
    }
}
