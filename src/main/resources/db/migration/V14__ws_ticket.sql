-- Short-lived single-use WebSocket tickets (POST /api/ws-ticket, then /ws/...?ticket=): browsers cannot
-- set an Authorization header on a WebSocket upgrade, and a long-lived token in a URL ends up in logs.
-- In the database, not in one JVM's memory, so a ticket issued by one node opens a socket on another.
-- Only the SHA-256 of the ticket is stored: reading the table gives no usable ticket.
CREATE TABLE ws_ticket (
    ticket_hash VARCHAR(64)  PRIMARY KEY,
    subject     VARCHAR(255) NOT NULL,
    groups_list VARCHAR(1000) NOT NULL,
    name        VARCHAR(255),
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ws_ticket_expires ON ws_ticket (expires_at);
