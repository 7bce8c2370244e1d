package shop.kefu.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import shop.kefu.support.ChatClient;
import shop.kefu.support.Tokens;
import shop.kefu.support.Ws;

/**
 * What a token must be (issue 15, defect 9): for this service, naming its user in {@code sub}, not too
 * old; and how browsers open sockets without putting it in the URL (single-use tickets). Test tokens are
 * signed with the demo key, which the test profile trusts.
 */
@QuarkusTest
class JwtRulesTest {

    @TestHTTPResource("/")
    URI base;

    private URI ws() {
        return Ws.ws(base);
    }

    @Test
    void aTokenForAnotherAudienceOrForNoneIsRefused() {
        String otherService = Jwt.subject("C1001").groups("shopper").audience("https://other-service.example").sign();
        given().auth().oauth2(otherService).get("/api/me/orders").then().statusCode(401);
        assertEquals(401, ChatClient.upgradeStatus(ws(), "/ws/chat", otherService));
        String noAudience = Jwt.claims().subject("C1001").groups("shopper").claim("aud", "").sign();
        given().auth().oauth2(noAudience).get("/api/me/orders").then().statusCode(401);
        // the same token for this service is accepted
        given().auth().oauth2(Jwt.subject("C1001").groups("shopper").sign()).get("/api/me/orders").then().statusCode(200);
    }

    @Test
    void theUserIsTheTokensSubjectNotItsUpn() {
        // An identity provider that sets upn to something users choose (a login name, an e-mail) must not
        // make one customer another: C1001 logged in with the login name "C1002" sees C1001's orders.
        String token = Jwt.subject("C1001").upn("C1002").preferredUserName("C1002").groups("shopper").sign();
        given().auth().oauth2(token).get("/api/me/orders").then().statusCode(200)
                .body("orderId", hasItem("D1001-1")).body("customerId", everyItem(equalTo("C1001")));

        String customer = Ws.uniqueCustomer("SUB");
        String conversation;
        try (ChatClient c = ChatClient.connect(ws(), "/ws/chat", Jwt.subject(customer).upn(customer + "-login").groups("shopper").sign())) {
            conversation = c.next("session").get("conversationId").asText();
        }
        try (ChatClient c = ChatClient.connect(ws(), "/ws/chat", Tokens.shopper(customer))) {
            assertEquals(conversation, c.next("session").get("conversationId").asText(), "the same shopper, the same conversation");
        }
    }

    @Test
    void aTokenWithoutSubjectIsRefused() {
        String noSubject = Jwt.upn("C1001").groups("shopper").sign();
        given().auth().oauth2(noSubject).get("/api/me/orders").then().statusCode(401);
        assertEquals(401, ChatClient.upgradeStatus(ws(), "/ws/chat", noSubject));
    }

    @Test
    void aTokenIssuedLongerAgoThanTheMaximumAgeIsRefusedEvenIfNotExpired() {
        Instant now = Instant.now();
        String old = Jwt.subject("C1001").groups("shopper").issuedAt(now.minusSeconds(13 * 3600)).expiresAt(now.plusSeconds(3600)).sign();
        given().auth().oauth2(old).get("/api/me/orders").then().statusCode(401);
        assertEquals(401, ChatClient.upgradeStatus(ws(), "/ws/chat", old));
        String recent = Jwt.subject("C1001").groups("shopper").issuedAt(now.minusSeconds(3600)).expiresAt(now.plusSeconds(3600)).sign();
        given().auth().oauth2(recent).get("/api/me/orders").then().statusCode(200);
    }

    @Test
    void aTicketOpensOneSocketForItsUserOnce() {
        String customer = Ws.uniqueCustomer("T");
        String token = Tokens.shopper(customer);
        String conversation;
        try (ChatClient c = ChatClient.connect(ws(), "/ws/chat", token)) {
            conversation = c.next("session").get("conversationId").asText();
        }
        String ticket = Tokens.ticket(token);
        try (ChatClient c = ChatClient.connectWithQuery(ws(), "/ws/chat", "ticket=" + ticket)) {
            assertEquals(conversation, c.next("session").get("conversationId").asText(), "the ticket is the token's user");
        }
        assertEquals(401, ChatClient.queryUpgradeStatus(ws(), "/ws/chat", "ticket=" + ticket), "used once already");
        assertEquals(401, ChatClient.queryUpgradeStatus(ws(), "/ws/chat", "ticket=made-up"));
    }

    @Test
    void aTicketExpires() throws InterruptedException {
        // A ticket lives no longer than the token it was issued for: one that expires in 8 s (time enough
        // to sign and ask on a loaded machine; a token already ended gets no ticket at all).
        Instant now = Instant.now();
        String shortLived = Jwt.subject(Ws.uniqueCustomer("T")).groups("shopper").issuedAt(now).expiresAt(now.plusSeconds(8)).sign();
        String ticket = given().auth().oauth2(shortLived).post("/api/ws-ticket").then().statusCode(200)
                .body("expiresIn", lessThanOrEqualTo(8)).extract().path("ticket");
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), now.plusSeconds(9)).toMillis()));
        assertEquals(401, ChatClient.queryUpgradeStatus(ws(), "/ws/chat", "ticket=" + ticket));
    }

    @Test
    void anOpenSocketIsClosedWhenItsTokenExpires() {
        // The token is checked on the upgrade; a socket kept open must not outlive it (shopper with a
        // bearer token, agent with a ticket, which carries the token's end).
        // (6 s: on a loaded machine the ticket and three sockets can take seconds, and a token ended before
        // its socket opens is refused outright, which is another test)
        String lasting = Tokens.shopper(Ws.uniqueCustomer("LAST")); // first: the first signing in a JVM can take seconds
        Instant now = Instant.now();
        String shopper = Jwt.subject(Ws.uniqueCustomer("EXP")).groups("shopper").issuedAt(now).expiresAt(now.plusSeconds(6)).sign();
        String agent = Jwt.subject(Ws.uniqueCustomer("AGX")).groups("agent").claim("name", "临时客服").issuedAt(now)
                .expiresAt(now.plusSeconds(6)).sign();
        String agentTicket = Tokens.ticket(agent);
        try (ChatClient chat = ChatClient.connect(ws(), "/ws/chat", shopper);
                ChatClient desk = ChatClient.connectWithQuery(ws(), "/ws/agent", "ticket=" + agentTicket);
                ChatClient other = ChatClient.connect(ws(), "/ws/chat", lasting)) {
            chat.next("session");
            desk.next("queue");
            other.next("session");

            assertEquals("token_expired", chat.next("error").get("code").asText());
            assertEquals(SocketExpiry.TOKEN_EXPIRED, chat.closeCode());
            assertEquals("token_expired", desk.next("error").get("code").asText());
            assertEquals(SocketExpiry.TOKEN_EXPIRED, desk.closeCode());
            assertFalse(other.isClosedByServer(), "a socket whose token is still valid stays open");
        }
    }

    @Test
    void aTokenJustPastItsEndGetsNoTicketAndItsSocketClosesAtOnce() {
        // Within the JWT clock skew the service still takes a token a little past its exp; a ticket or a
        // socket for it would die at once, so the client is told to get a new token instead.
        Instant now = Instant.now();
        String ended = Jwt.subject(Ws.uniqueCustomer("END")).groups("shopper").issuedAt(now.minusSeconds(60))
                .expiresAt(now.minusSeconds(5)).sign();
        given().auth().oauth2(ended).post("/api/ws-ticket").then().statusCode(401).body("error", equalTo("token_expired"));
        try (ChatClient chat = ChatClient.connect(ws(), "/ws/chat", ended)) {
            JsonNode first = chat.next();
            assertEquals("token_expired", first.path("code").asText(), first.toString()); // no conversation opened first
            assertEquals(SocketExpiry.TOKEN_EXPIRED, chat.closeCode());
        }
    }

    @Test
    void aTicketCarriesItsRoleOnly() {
        assertEquals(403, ChatClient.queryUpgradeStatus(ws(), "/ws/agent", "ticket=" + Tokens.ticket(Tokens.shopper(Ws.uniqueCustomer("T")))));
        String agent = Tokens.agent(Ws.uniqueCustomer("AG"));
        assertEquals(403, ChatClient.queryUpgradeStatus(ws(), "/ws/chat", "ticket=" + Tokens.ticket(agent)));
        try (ChatClient c = ChatClient.connectWithQuery(ws(), "/ws/agent", "ticket=" + Tokens.ticket(agent))) {
            assertEquals("queue", c.next().get("type").asText());
        }
    }

    @Test
    void onlyATokenBearerGetsATicket() {
        given().post("/api/ws-ticket").then().statusCode(401);
        given().auth().oauth2("not-a-jwt").post("/api/ws-ticket").then().statusCode(401);
    }

    @Test
    void theLongLivedTokenIsNoLongerAcceptedInTheUrl() {
        String token = Tokens.shopper(Ws.uniqueCustomer("Q"));
        assertEquals(401, ChatClient.queryUpgradeStatus(ws(), "/ws/chat", "access_token=" + token));
    }
}
