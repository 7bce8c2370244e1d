package shop.kefu.security;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Turns a WebSocket ticket into the identity of the token it was issued for: the same subject, roles
 * and name, and the token's end as {@code exp}, presented as a {@code JsonWebToken} so the sockets read
 * it exactly as a bearer token's.
 * An unknown, used or expired ticket is a 401.
 */
@ApplicationScoped
public class TicketIdentityProvider implements IdentityProvider<TicketAuthenticationRequest> {

    @Inject
    WsTickets tickets;

    @Override
    public Class<TicketAuthenticationRequest> getRequestType() {
        return TicketAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TicketAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> tickets.redeem(request.ticket()).map(TicketIdentityProvider::identity)
                .orElseThrow(() -> new AuthenticationFailedException("unknown, used or expired WebSocket ticket")));
    }

    private static SecurityIdentity identity(WsTickets.Holder holder) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject(holder.subject());
        claims.setStringListClaim("groups", holder.groups().stream().toList());
        if (holder.name() != null) {
            claims.setStringClaim("name", holder.name());
        }
        if (holder.tokenEnds() != null) { // so that SocketExpiry closes the socket when the token would have expired
            claims.setExpirationTime(NumericDate.fromSeconds(holder.tokenEnds().getEpochSecond()));
        }
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new DefaultJWTCallerPrincipal(claims))
                .addRoles(holder.groups())
                .build();
    }
}
