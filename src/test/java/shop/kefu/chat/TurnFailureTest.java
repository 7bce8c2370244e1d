package shop.kefu.chat;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.time.OffsetDateTime;
import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import shop.kefu.support.ChatClient;
import shop.kefu.support.Scrape;
import shop.kefu.support.Shop;
import shop.kefu.support.Tokens;
import shop.kefu.support.Ws;

/**
 * The database fails after a shopper's message was stored and acknowledged, while the reply is stored
 * (issue 15, defect 3). The shopper resends the same id, as told, and gets the answer: once.
 */
@QuarkusTest
class TurnFailureTest {

    @TestHTTPResource("/")
    URI base;
    @Inject
    DataSource db;

    @BeforeEach
    void installFault() throws Exception {
        try (Connection c = db.getConnection()) {
            FailNextReply.install(c);
        }
    }

    private void failNextReplyWith(String sqlState) throws Exception {
        try (Connection c = db.getConnection()) {
            FailNextReply.queue(c, sqlState);
        }
    }

    @Test
    void aMessageWhoseReplyWasLostIsAnsweredOnItsResendAndOnlyOnce() throws Exception {
        try (ChatClient c = ChatClient.connect(Ws.ws(base), "/ws/chat", Tokens.shopper(Ws.uniqueCustomer("TF")))) {
            c.next("session");
            c.next("reply"); // greeting
            failNextReplyWith("08006"); // the connection to the database is lost while the reply is stored
            c.message("lost-1", "草莓怎么保存");
            JsonNode ack = c.next("ack");
            JsonNode error = c.next("error");
            assertEquals("unavailable", error.get("code").asText(), error.toString());
            assertEquals("lost-1", error.get("id").asText());

            c.message("lost-1", "草莓怎么保存"); // the resend the error asks for
            JsonNode again = c.next("ack");
            assertEquals(ack.get("seq"), again.get("seq"), "the resend is the same message, not stored twice");
            JsonNode reply = c.next("reply");
            assertTrue(reply.get("text").asText().contains("草莓"), reply.toString());
            assertTrue(reply.get("seq").asLong() > ack.get("seq").asLong());

            c.message("lost-1", "草莓怎么保存"); // an answered message resent is acknowledged, not answered again
            c.next("ack");
            List<JsonNode> more = c.drain(Duration.ofSeconds(2));
            assertTrue(more.stream().noneMatch(f -> f.get("type").asText().equals("reply")), more.toString());
        }
    }

    @Test
    void aDatabaseServerShuttingDownIsAnOutage() throws Exception {
        try (ChatClient c = ChatClient.connect(Ws.ws(base), "/ws/chat", Tokens.shopper(Ws.uniqueCustomer("TF")))) {
            c.next("session");
            c.next("reply");
            failNextReplyWith("57P01"); // PostgreSQL: terminating connection due to administrator command
            c.message("down-1", "草莓怎么保存");
            c.next("ack");
            JsonNode error = c.next("error");
            assertEquals("unavailable", error.get("code").asText(), "the shopper is told to resend, not that the service broke: " + error);

            c.message("down-1", "草莓怎么保存");
            c.next("ack");
            assertTrue(c.next("reply").get("text").asText().contains("草莓"));
        }
    }

    @Test
    void anSqlErrorThatIsNotAnOutageIsNotReportedAsOne() throws Exception {
        try (ChatClient c = ChatClient.connect(Ws.ws(base), "/ws/chat", Tokens.shopper(Ws.uniqueCustomer("TF")))) {
            c.next("session");
            c.next("reply");
            failNextReplyWith("22001"); // value too long: a bug, not the database being away
            c.message("bug-1", "草莓怎么保存");
            c.next("ack");
            JsonNode error = c.next("error");
            assertEquals("internal_error", error.get("code").asText(), error.toString());

            c.message("bug-1", "草莓怎么保存");
            c.next("ack");
            assertTrue(c.next("reply").get("text").asText().contains("草莓"));
        }
    }

    @Test
    void aClaimCreatedBeforeItsReplyWasLostIsToldOnTheResend() throws Exception {
        String me = Ws.uniqueCustomer("TF");
        Shop.order("O-" + me, me, "fresh", OffsetDateTime.now().minusHours(20), Shop.item("STRAW", "丹东草莓 500g", 2, "19.90", false));
        String photo = Shop.photo(me);
        try (ChatClient c = ChatClient.connect(Ws.ws(base), "/ws/chat", Tokens.shopper(me))) {
            c.next("reply");
            c.say("昨天买的草莓烂了一半", photo);
            failNextReplyWith("08006");
            c.message("confirm-1", "确认提交"); // the refund is created, then storing the reply fails
            c.next("ack");
            assertEquals("unavailable", c.next("error").get("code").asText());
            JsonNode[] mine = given().auth().oauth2(Tokens.shopper(me)).get("/api/me/aftersales").then().statusCode(200)
                    .extract().as(JsonNode[].class);
            assertEquals(1, mine.length, "the refund was created before the failure");

            c.message("confirm-1", "确认提交");
            c.next("ack");
            JsonNode reply = c.next("reply");
            assertTrue(reply.get("text").asText().contains(mine[0].get("id").asText()), "the shopper hears of it: " + reply);
            assertEquals(1, given().auth().oauth2(Tokens.shopper(me)).get("/api/me/aftersales").then().statusCode(200)
                    .extract().as(JsonNode[].class).length, "and it is not created twice");
        }
    }

    /** Metrics count what happened: a handoff rolled back with its reply is not a handoff, its resend is one. */
    @Test
    void aHandoffWhoseReplyWasLostIsCountedOnceInTheMetrics() throws Exception {
        double handoffs = metric("kefu_handoffs_total{reason=\"requested\"}");
        double turns = metric("kefu_turn_seconds_count{path=\"handoff\"}");
        try (ChatClient c = ChatClient.connect(Ws.ws(base), "/ws/chat", Tokens.shopper(Ws.uniqueCustomer("TF")))) {
            c.next("reply");
            failNextReplyWith("08006");
            c.message("human-1", "转人工");
            c.next("ack");
            assertEquals("unavailable", c.next("error").get("code").asText());
            assertEquals(handoffs, metric("kefu_handoffs_total{reason=\"requested\"}"), "rolled back: nobody was handed off");

            c.message("human-1", "转人工");
            c.next("ack");
            c.next("handoff");
        }
        assertEquals(handoffs + 1, Scrape.await("the handoff", m -> m.value("kefu_handoffs_total", "reason", "requested") >= handoffs + 1)
                .value("kefu_handoffs_total", "reason", "requested"));
        assertEquals(turns + 1, Scrape.await("the handoff turn", m -> m.value("kefu_turn_seconds_count", "path", "handoff") >= turns + 1)
                .value("kefu_turn_seconds_count", "path", "handoff"), "one turn answered");
    }

    private static double metric(String series) {
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines().filter(l -> l.startsWith(series + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(series.length() + 1))).findFirst().orElse(0);
    }
}
