package shop.kefu.security;

import java.util.Set;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.smallrye.jwt.runtime.auth.JsonWebTokenCredential;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Browsers cannot set headers on a WebSocket upgrade, so they pass a single-use ticket from
 * POST /api/ws-ticket as the {@code ticket} query parameter. Accepted on WebSocket paths only, and only
 * when no Authorization header is present. The long-lived token itself as {@code access_token} is
 * accepted only when kefu.ws.query-token is on, for clients from before tickets: a token in a URL lands
 * in proxy logs and browser history and stays usable there for its whole life.
 */
@ApplicationScoped
public class QueryTokenAuthMechanism implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(QueryTokenAuthMechanism.class);
    private static final String TICKET = "ticket";
    private static final String TOKEN = "access_token";

    @Inject
    WebSocketAuthConfig config;

    void warnOfQueryTokens(@Observes StartupEvent event) {
        if (config.queryToken()) {
            LOG.warn("kefu.ws.query-token=true: /ws/* accepts bearer tokens in the URL (?access_token=), where they outlive "
                    + "the connection in logs; move clients to POST /api/ws-ticket and turn it off.");
        }
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        if (!context.normalizedPath().startsWith("/ws/") || context.request().headers().contains(HttpHeaders.AUTHORIZATION)) {
            return Uni.createFrom().nullItem();
        }
        String ticket = context.request().getParam(TICKET);
        if (ticket != null && !ticket.isBlank()) {
            return identityProviderManager.authenticate(new TicketAuthenticationRequest(ticket));
        }
        String token = config.queryToken() ? context.request().getParam(TOKEN) : null;
        if (token == null || token.isBlank()) {
            return Uni.createFrom().nullItem();
        }
        return identityProviderManager.authenticate(new TokenAuthenticationRequest(new JsonWebTokenCredential(token)));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, null, null));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class, TicketAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.OTHER_HEADER, TICKET));
    }
}
