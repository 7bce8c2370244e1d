package shop.kefu.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A WebSocket upgrade that presents a ticket from POST /api/ws-ticket. */
final class TicketAuthenticationRequest extends BaseAuthenticationRequest {

    private final String ticket;

    TicketAuthenticationRequest(String ticket) {
        this.ticket = ticket;
    }

    String ticket() {
        return ticket;
    }
}
