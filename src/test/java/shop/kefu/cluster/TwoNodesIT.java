package shop.kefu.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.path.json.JsonPath;
import shop.kefu.support.ChatClient;
import shop.kefu.support.Ws;

/**
 * Two service nodes, A and B, on different ports sharing one PostgreSQL database, driven over their
 * public WebSocket and REST APIs as a load balancer without sticky sessions would: whatever happens on
 * one node reaches the shoppers, agents and indexes of the other (docs/operations.md, "Several nodes").
 *
 * <p>Runs in CI from .ci/run inside .ci/with-postgres, which makes the database (dropped after the
 * run) and, through {@code QUARKUS_DATASOURCE_DB_KIND}, a jar built for PostgreSQL. Elsewhere it is
 * skipped with the command that runs it.
 */
@EnabledIfEnvironmentVariable(named = "QUARKUS_DATASOURCE_DB_KIND", matches = "postgresql", disabledReason = "TwoNodesIT needs "
        + "PostgreSQL and a jar built for it: bash .ci/with-postgres ./mvnw -B verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=TwoNodesIT")
class TwoNodesIT {

    private static final Duration QUIET = Duration.ofMillis(700);
    private static Path shared;
    private static Node a;
    private static Node b;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        shared = Files.createTempDirectory("kefu-nodes");
        copy(Path.of("knowledge-base"), shared.resolve("kb")); // one folder for both, as a shared volume would be
        a = Node.start("A", shared);
        b = Node.start("B", shared); // after A: the first start imports the knowledge base into the empty database
    }

    @AfterAll
    static void stop() throws Exception {
        for (Node n : new Node[] { a, b }) {
            if (n != null) {
                n.close();
            }
        }
    }

    @Test
    void aShopperOnOneNodeAndAnAgentOnTheOtherTalkLiveBothWays() {
        String me = Ws.uniqueCustomer("N");
        String agentToken = b.token("agent", "NA-" + me);
        try (ChatClient agent = ChatClient.connect(b.ws(), "/ws/agent", agentToken);
                ChatClient shopper = ChatClient.connect(a.ws(), "/ws/chat", a.token("shopper", me))) {
            agent.next("queue");
            String conversation = shopper.next("session").get("conversationId").asText();
            shopper.message("n1", "转人工");
            shopper.next("handoff");

            // the handoff was stored on A; B's agent sees it in a queue push
            agent.next(f -> "queue".equals(f.path("type").asText()) && f.toString().contains(conversation));
            for (Node n : List.of(a, b)) {
                assertTrue(n.as(agentToken).get("/api/agent/queue?limit=200").then().statusCode(200).extract().jsonPath()
                        .getList("conversationId").contains(conversation), "the same queue on node " + n.name);
            }

            agent.send("{\"type\":\"claim\",\"conversationId\":\"" + conversation + "\"}");
            assertEquals("NA-" + me, shopper.next("agent_joined").at("/agent/id").asText(), "claimed on B, told on A");

            shopper.message("n2", "在吗，草莓烂了");
            JsonNode seen = agent.next(f -> "event".equals(f.path("type").asText()) && "message".equals(f.at("/event/type").asText()));
            assertEquals("在吗，草莓烂了", seen.at("/event/text").asText(), "sent on A, seen live on B");

            agent.send("{\"type\":\"message\",\"conversationId\":\"" + conversation + "\",\"text\":\"在的，我来处理\"}");
            JsonNode reply = shopper.next("reply");
            assertEquals("agent", reply.get("from").asText());
            assertEquals("在的，我来处理", reply.get("text").asText(), "sent on B, seen live on A");

            shopper.drain(QUIET);
            assertOnceInOrder(shopper.received);
        }
    }

    @Test
    void aShopperWhoReconnectsToTheOtherNodeResumesWithNothingLostOrDoubled() {
        String me = Ws.uniqueCustomer("N");
        String shopperToken = a.token("shopper", me);
        String agentToken = a.token("agent", "NR-" + me);
        String conversation;
        long seen;
        try (ChatClient onA = ChatClient.connect(a.ws(), "/ws/chat", shopperToken)) {
            conversation = onA.next("session").get("conversationId").asText();
            onA.message("r1", "转人工");
            seen = onA.next("handoff").get("seq").asLong();
        }
        // while the shopper is away: an agent on A takes the conversation and writes twice
        a.as(agentToken).post("/api/agent/conversations/" + conversation + "/claim").then().statusCode(200);
        for (String text : List.of("您好", "请问订单号是多少")) {
            a.as(agentToken).contentType("application/json").body("{\"text\":\"" + text + "\"}")
                    .post("/api/agent/conversations/" + conversation + "/messages").then().statusCode(202);
        }
        try (ChatClient onB = ChatClient.connect(b.ws(), "/ws/chat", shopperToken)) {
            JsonNode session = onB.next("session");
            assertEquals(conversation, session.get("conversationId").asText());
            onB.send("{\"type\":\"resume\",\"conversationId\":\"" + conversation + "\",\"afterSeq\":" + seen + "}");
            List<JsonNode> resumed = new ArrayList<>();
            while (resumed.size() < session.get("lastSeq").asLong() - seen) {
                resumed.add(onB.next());
            }
            assertEquals(List.of("agent_joined", "reply", "reply"),
                    resumed.stream().map(f -> f.get("type").asText()).toList().subList(resumed.size() - 3, resumed.size()),
                    "what was missed, in order: " + resumed);
            assertEquals("请问订单号是多少", resumed.get(resumed.size() - 1).get("text").asText());

            // then live again, on B, for what A stores
            a.as(agentToken).contentType("application/json").body("{\"text\":\"收到\"}")
                    .post("/api/agent/conversations/" + conversation + "/messages").then().statusCode(202);
            assertEquals("收到", onB.next("reply").get("text").asText());
            onB.drain(QUIET);
            assertOnceInOrder(onB.received);
            assertEquals(seen + 1, onB.received.stream().filter(f -> f.has("seq")).findFirst().orElseThrow().get("seq").asLong(),
                    "nothing seen before sent again");
        }
    }

    @Test
    void anArticleWrittenOnOneNodeAnswersOnTheOtherAtTheNextMessage() {
        String editor = a.token("editor", "NE-1");
        String id = "nodes-test-" + System.nanoTime();
        String question = "月饼礼盒可以开专票吗";
        a.as(editor).contentType("application/json").body("""
                {"id":"%s","category":"general","title":"月饼礼盒开增值税专用发票","questions":["%s","月饼礼盒能开增值税专用发票吗"],
                 "answer":"月饼礼盒支持开具增值税专用发票，请在订单详情页申请。","tags":[]}""".formatted(id, question))
                .post("/api/kb/articles").then().statusCode(201);
        try (ChatClient onB = ChatClient.connect(b.ws(), "/ws/chat", b.token("shopper", Ws.uniqueCustomer("N")))) {
            onB.next("reply"); // greeting
            JsonNode answer = onB.say(question);
            assertEquals(id, answer.at("/citations/0/articleId").asText(), "written on A, answered on B: " + answer);
        }
        b.as(editor).delete("/api/kb/articles/" + id).then().statusCode(204);
        assertFalse(a.as(editor).queryParam("q", question).get("/api/kb/search").then().statusCode(200).extract().jsonPath()
                .getList("hits.articleId").contains(id), "deleted on B, gone from A's index");
    }

    @Test
    void aPolicyReloadOnOneNodeAppliesOnTheOther() throws IOException {
        Path file = shared.resolve("kb/policies.properties");
        String admin = a.token("admin", "NP-1");
        String before = Files.readString(file);
        assertEquals(50, b.as(admin).get("/api/admin/policies").then().statusCode(200).extract().jsonPath().getInt("freshSmallClaimLimit"));
        try {
            Files.writeString(file, before.replace("fresh.small-claim-limit=50", "fresh.small-claim-limit=80"));
            a.as(admin).post("/api/admin/policies/reload").then().statusCode(200);
            assertEquals(80, b.as(admin).get("/api/admin/policies").then().statusCode(200).extract().jsonPath().getInt("freshSmallClaimLimit"),
                    "reloaded on A, in force on B");
        } finally {
            Files.writeString(file, before);
            a.as(admin).post("/api/admin/policies/reload").then().statusCode(200);
        }
    }

    @Test
    void aSynonymAddedOnOneNodeSearchesOnTheOther() throws IOException {
        String editor = a.token("editor", "NS-1");
        String question = "kefuberry"; // a word no article has, nor any synonym yet
        assertFalse(lexicalHit(b, editor, question, "fresh-strawberry-storage"), "an unknown word finds nothing by its letters yet");
        Files.writeString(shared.resolve("kb/synonyms.txt"), "kefuberry, 草莓\n", StandardOpenOption.APPEND);
        a.as(editor).post("/api/kb/import").then().statusCode(200);
        assertTrue(lexicalHit(b, editor, question, "fresh-strawberry-storage"), "imported on A, the synonym searches on B");
    }

    @Test
    void twoAgentsOnTwoNodesClaimingAtOnceOneWins() {
        String me = Ws.uniqueCustomer("N");
        String conversation;
        try (ChatClient shopper = ChatClient.connect(a.ws(), "/ws/chat", a.token("shopper", me))) {
            conversation = shopper.next("session").get("conversationId").asText();
            shopper.message("c1", "转人工");
            shopper.next("handoff");
        }
        List<CompletableFuture<Integer>> claims = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Node n = i % 2 == 0 ? a : b;
            String token = n.token("agent", "NC" + i + "-" + me);
            claims.add(CompletableFuture.supplyAsync(() -> n.as(token).post("/api/agent/conversations/" + conversation + "/claim").statusCode()));
        }
        assertEquals(List.of(200, 409, 409, 409, 409, 409), claims.stream().map(CompletableFuture::join).sorted().toList());
    }

    @Test
    void presenceIsTheSameOnEveryNode() {
        String me = Ws.uniqueCustomer("N");
        String holder = a.token("agent", "NH-" + me);
        String conversation;
        try (ChatClient shopper = ChatClient.connect(a.ws(), "/ws/chat", a.token("shopper", me))) {
            conversation = shopper.next("session").get("conversationId").asText();
            shopper.message("p1", "转人工");
            shopper.next("handoff");
            a.as(holder).post("/api/agent/conversations/" + conversation + "/claim").then().statusCode(200);
            String absent = "NX-" + me;
            a.as(holder).contentType("application/json").body("{\"agentId\":\"" + absent + "\"}")
                    .post("/api/agent/conversations/" + conversation + "/transfer").then().statusCode(409);
            // the other agent opens their console on B: A now sees them present and transfers to them
            try (ChatClient other = ChatClient.connect(b.ws(), "/ws/agent", b.token("agent", absent))) {
                other.next("queue");
                a.as(holder).contentType("application/json").body("{\"agentId\":\"" + absent + "\"}")
                        .post("/api/agent/conversations/" + conversation + "/transfer").then().statusCode(200);
                JsonNode joined = other.next(f -> "event".equals(f.path("type").asText()) && "agent_joined".equals(f.at("/event/type").asText()));
                assertEquals(conversation, joined.get("conversationId").asText(), "transferred on A, pushed to the agent on B");
            }
        }
    }

    @Test
    void aDroppedLinkBetweenNodesLosesNothing() throws Exception {
        String me = Ws.uniqueCustomer("N");
        String agentToken = a.token("agent", "NL-" + me);
        try (ChatClient onB = ChatClient.connect(b.ws(), "/ws/chat", b.token("shopper", me))) {
            String conversation = onB.next("session").get("conversationId").asText();
            onB.message("l1", "转人工");
            onB.next("handoff");
            a.as(agentToken).post("/api/agent/conversations/" + conversation + "/claim").then().statusCode(200);
            onB.next("agent_joined");

            // every node's listening connection is cut, as a database fail-over or a dropped route would;
            // what A stores meanwhile reaches B by its notification after B listens again, or by B's resync
            try (Connection c = DriverManager.getConnection(System.getenv("QUARKUS_DATASOURCE_JDBC_URL"),
                    System.getenv("QUARKUS_DATASOURCE_USERNAME"), System.getenv("QUARKUS_DATASOURCE_PASSWORD"));
                    Statement s = c.createStatement()) {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE 'kefu-node-%'");
            }
            a.as(agentToken).contentType("application/json").body("{\"text\":\"断线时的消息\"}")
                    .post("/api/agent/conversations/" + conversation + "/messages").then().statusCode(202);
            assertEquals("断线时的消息", onB.next("reply").get("text").asText());
            a.as(agentToken).contentType("application/json").body("{\"text\":\"恢复后的消息\"}")
                    .post("/api/agent/conversations/" + conversation + "/messages").then().statusCode(202);
            assertEquals("恢复后的消息", onB.next("reply").get("text").asText());
            onB.drain(QUIET);
            assertOnceInOrder(onB.received);
        }
    }

    private static boolean lexicalHit(Node n, String token, String q, String article) {
        JsonPath hits = n.as(token).queryParam("q", q).queryParam("limit", 10).get("/api/kb/search").then().statusCode(200).extract().jsonPath();
        List<String> ids = hits.getList("hits.articleId");
        List<Integer> bm25 = hits.getList("hits.bm25Rank");
        int i = ids.indexOf(article);
        return i >= 0 && bm25.get(i) > 0;
    }

    /** Every stored event a client got (its own messages as acks) came once, in seq order, without a gap. */
    private static void assertOnceInOrder(List<JsonNode> frames) {
        long last = -1;
        for (JsonNode f : frames) {
            if (f.has("seq")) { // an ack stands for the shopper's own message
                long seq = f.get("seq").asLong();
                assertTrue(last < 0 || seq == last + 1, "seq " + seq + " after " + last + " in " + frames);
                last = seq;
            }
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
