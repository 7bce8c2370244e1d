package shop.kefu.security;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/**
 * Exchanges the bearer token for a WebSocket ticket: what a browser or the mini-program puts in the
 * socket URL instead of the token (/ws/chat?ticket=...). Any role may ask; the socket still checks it.
 */
@Path("/api/ws-ticket")
@Authenticated
public class WsTicketResource {

    @Inject
    JsonWebToken token;
    @Inject
    WsTickets tickets;

    @POST
    public WsTickets.Issued issue() {
        return tickets.issue(token);
    }
}
