package shop.kefu.proactive;

import org.eclipse.microprofile.jwt.JsonWebToken;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import shop.kefu.common.Refusal;
import shop.kefu.security.Roles;

/** The shopper's own switch for proactive messages (the same as saying "别再发了" / "恢复通知" in the chat). */
@Path("/api/me/proactive")
@RolesAllowed(Roles.SHOPPER)
public class PreferenceResource {

    public record Setting(Boolean enabled) {
    }

    @Inject
    Preferences preferences;
    @Inject
    JsonWebToken jwt;

    @GET
    public Setting get() {
        return new Setting(!preferences.optedOut(jwt.getName()));
    }

    @PUT
    public Setting put(Setting body) {
        if (body == null || body.enabled() == null) {
            throw Refusal.invalid("missing_field", "Field enabled is required.");
        }
        preferences.setOptedOut(jwt.getName(), !body.enabled());
        return get();
    }
}
