package shop.kefu.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

import org.eclipse.microprofile.jwt.JsonWebToken;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import shop.kefu.common.Refusal;

/**
 * WebSocket tickets: one random value per socket to open, stored (hashed) in the database with the
 * subject, roles and name of the token it was issued for. Redeeming deletes the row, and only the
 * redeemer whose delete removed it gets the identity: a ticket opens one socket, on any node.
 */
@ApplicationScoped
public class WsTickets {

    /** Who a ticket was issued to: what the socket's identity is made of. */
    record Holder(String subject, Set<String> groups, String name, Instant expiresAt, Instant tokenEnds) {
    }

    /** An issued ticket and how many seconds it can be used. */
    public record Issued(String ticket, long expiresIn) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    DataSource dataSource;
    @Inject
    WebSocketAuthConfig config;
    @Inject
    SocketExpiry expiry;

    /** A new ticket for the bearer of this token, usable once until the earlier of its time limit and the token's expiry. */
    public Issued issue(JsonWebToken token) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = Instant.now();
        Instant tokenEnds = expiry.end(token);
        if (!tokenEnds.isAfter(now)) {
            // The service takes a token for a minute past its exp (the JWT clock skew), but a ticket would
            // expire at once and open nothing: the client must hear that it needs a new token.
            throw new Refusal(Refusal.Kind.UNAUTHENTICATED, "token_expired", "This token has expired: sign in again.");
        }
        Instant expires = now.plus(config.ticketTtl());
        if (tokenEnds.isBefore(expires)) {
            expires = tokenEnds;
        }
        Object name = token.getClaim("name");
        String groups = String.join(" ", token.getGroups());
        if (token.getSubject().length() > 255 || groups.length() > 1000 || (name != null && name.toString().length() > 255)) {
            throw Refusal.invalid("token_too_large", "This token's subject, groups or name is too long for a WebSocket ticket.");
        }
        try (Connection c = dataSource.getConnection()) {
            // Expired tickets are never redeemed: they go when the next one is issued.
            try (PreparedStatement purge = c.prepareStatement("DELETE FROM ws_ticket WHERE expires_at < ?")) {
                purge.setObject(1, at(now));
                purge.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO ws_ticket (ticket_hash, subject, groups_list, name, expires_at, token_ends_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, hash(ticket));
                insert.setString(2, token.getSubject());
                insert.setString(3, groups);
                insert.setString(4, name == null ? null : name.toString());
                insert.setObject(5, at(expires));
                insert.setObject(6, at(tokenEnds));
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store a WebSocket ticket", e);
        }
        return new Issued(ticket, Math.max(0, expires.getEpochSecond() - now.getEpochSecond()));
    }

    /** Who the ticket was issued to, if it exists, has not been used and has not expired; it is used up either way. */
    Optional<Holder> redeem(String ticket) {
        String hash = hash(ticket);
        try (Connection c = dataSource.getConnection()) {
            Holder holder;
            try (PreparedStatement find = c.prepareStatement(
                    "SELECT subject, groups_list, name, expires_at, token_ends_at FROM ws_ticket WHERE ticket_hash = ?")) {
                find.setString(1, hash);
                try (ResultSet r = find.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    String groups = r.getString(2);
                    OffsetDateTime tokenEnds = r.getObject(5, OffsetDateTime.class);
                    holder = new Holder(r.getString(1), groups.isBlank() ? Set.of() : Set.of(groups.split(" ")), r.getString(3),
                            r.getObject(4, OffsetDateTime.class).toInstant(), tokenEnds == null ? null : tokenEnds.toInstant());
                }
            }
            try (PreparedStatement use = c.prepareStatement("DELETE FROM ws_ticket WHERE ticket_hash = ?")) {
                use.setString(1, hash);
                // Two sockets racing with one ticket: both read it, only one delete removes it.
                if (use.executeUpdate() != 1) {
                    return Optional.empty();
                }
            }
            return holder.expiresAt().isAfter(Instant.now()) ? Optional.of(holder) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot redeem a WebSocket ticket", e);
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String hash(String ticket) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(ticket.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
