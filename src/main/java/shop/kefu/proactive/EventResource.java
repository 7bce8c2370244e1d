package shop.kefu.proactive;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import shop.kefu.aftersales.HttpOrderGateway;
import shop.kefu.common.ApiError;
import shop.kefu.security.Roles;

/** Events from the shop's order system (docs/api.md, "Events from the shop's systems"). */
@Path("/api/events")
@RolesAllowed(Roles.ORDER_SYSTEM)
public class EventResource {

    @Inject
    ProactiveEvents events;

    /** 202 for a new event, 200 for an event id seen before (nothing is sent again). */
    @POST
    public RestResponse<ProactiveEvents.Accepted> receive(ShopperEvent event) {
        ProactiveEvents.Accepted a = events.accept(event);
        return RestResponse.status(a.duplicate() ? RestResponse.Status.OK : RestResponse.Status.ACCEPTED, a);
    }

    /** The order could not be looked up (an order system over HTTP that is down): nothing was done, send it again. */
    @ServerExceptionMapper
    public RestResponse<ApiError> orderSystemDown(HttpOrderGateway.OrderSystemException e) {
        return RestResponse.status(RestResponse.Status.SERVICE_UNAVAILABLE, new ApiError("order_system_unavailable", e.getMessage()));
    }
}
