package shop.kefu.policy;

import java.time.Duration;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import shop.kefu.cluster.Cluster;
import shop.kefu.common.ApiError;
import shop.kefu.security.Roles;

/** The policy in force, and its reload after staff edited the file. */
@Path("/api/admin/policies")
public class PolicyResource {

    @Inject
    PolicyService policies;
    @Inject
    Cluster cluster;

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.AGENT })
    public Policy current() {
        return policies.current();
    }

    @POST
    @Path("/reload")
    @RolesAllowed(Roles.ADMIN)
    public Policy reload() {
        Policy loaded = policies.reload();
        cluster.publishAndAwait(PolicyFanOut.TOPIC, "", Duration.ofSeconds(10)); // every node reloads its copy of the file
        return loaded;
    }

    @ServerExceptionMapper
    public RestResponse<ApiError> invalid(PolicyFile.InvalidPolicyException e) {
        return RestResponse.status(RestResponse.Status.BAD_REQUEST, new ApiError("invalid_policy", e.getMessage()));
    }
}
