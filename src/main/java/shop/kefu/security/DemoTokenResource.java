package shop.kefu.security;

import java.time.Duration;
import java.util.Map;

import io.smallrye.jwt.build.Jwt;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/**
 * Issues signed demo tokens. Exists only in demo mode: with demo mode off every call is a 404,
 * exactly as if the endpoint were absent.
 */
@Path("/api/demo/token")
@PermitAll
public class DemoTokenResource {

    public record TokenRequest(
            @NotNull @Pattern(regexp = "shopper|agent|supervisor|editor|admin", message = "role must be shopper, agent, supervisor, editor or admin") String role,
            @NotNull @Pattern(regexp = "[A-Za-z0-9_.-]{1,64}", message = "subject must be 1-64 letters, digits, '_', '.' or '-'") String subject,
            @Pattern(regexp = ".{1,40}", message = "name must be 1-40 characters") String name) {
    }

    @Inject
    DemoConfig demo;

    @POST
    public Map<String, String> issue(@Valid @NotNull TokenRequest request) {
        if (!demo.enabled()) {
            throw new NotFoundException();
        }
        String token = Jwt.subject(request.subject())
                .upn(request.subject())
                .groups(Roles.SUPERVISOR.equals(request.role()) ? java.util.Set.of(Roles.AGENT, Roles.SUPERVISOR) : java.util.Set.of(request.role()))
                .claim("name", request.name() == null ? request.subject() : request.name())
                .expiresIn(Duration.ofHours(12))
                .sign();
        return Map.of("token", token);
    }
}
