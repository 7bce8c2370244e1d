package shop.kefu.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.smallrye.jwt.build.Jwt;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;

import shop.kefu.common.Refusal;

/**
 * Issues signed demo tokens. Exists only in demo mode: with demo mode off every call is a 404,
 * exactly as if the endpoint were absent. Only callers on this machine get one (unless
 * kefu.demo.allow-remote): a service bound to loopback behind a reverse proxy is reachable from the
 * network, and the proxy's forwarding headers give that away.
 */
@Path("/api/demo/token")
@PermitAll
public class DemoTokenResource {

    private static final Logger LOG = Logger.getLogger(DemoTokenResource.class);
    private static final List<String> FORWARDING_HEADERS = List.of("Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Real-IP");

    public record TokenRequest(
            @NotNull @Pattern(regexp = "shopper|agent|supervisor|editor|admin|manager|order_system", message = "role must be shopper, agent, supervisor, editor, admin, manager or order_system") String role,
            @NotNull @Pattern(regexp = "[A-Za-z0-9_.-]{1,64}", message = "subject must be 1-64 letters, digits, '_', '.' or '-'") String subject,
            @Pattern(regexp = ".{1,40}", message = "name must be 1-40 characters") String name) {
    }

    @Inject
    DemoConfig demo;
    @ConfigProperty(name = "kefu.jwt.max-age-seconds")
    long maxAgeSeconds;

    @POST
    public Map<String, String> issue(@Valid @NotNull TokenRequest request, @Context HttpServerRequest http) {
        if (!demo.enabled()) {
            throw new NotFoundException();
        }
        if (!fromThisMachine(http)) {
            if (!demo.allowRemote()) {
                throw new Refusal(Refusal.Kind.FORBIDDEN, "demo_local_only",
                        "Demo tokens are issued only to callers on this machine, not through a proxy or the network.");
            }
            LOG.warnf("Demo token of role %s issued to %s, a caller outside this machine (kefu.demo.allow-remote=true)",
                    request.role(), http.remoteAddress());
        }
        // The audience (smallrye.jwt.new-token.audience) and issuer come from the configuration, as the
        // verifier expects them; the token lives no longer than the service accepts a token's age.
        String token = Jwt.subject(request.subject())
                .upn(request.subject())
                .groups(Roles.SUPERVISOR.equals(request.role()) ? Set.of(Roles.AGENT, Roles.SUPERVISOR) : Set.of(request.role()))
                .claim("name", request.name() == null ? request.subject() : request.name())
                .expiresIn(Duration.ofSeconds(maxAgeSeconds))
                .sign();
        return Map.of("token", token);
    }

    private static boolean fromThisMachine(HttpServerRequest http) {
        if (FORWARDING_HEADERS.stream().anyMatch(http.headers()::contains)) {
            return false;
        }
        String address = http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
        return address != null && DemoExposureGuard.isLoopback(address);
    }
}
