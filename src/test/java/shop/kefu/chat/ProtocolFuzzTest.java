package shop.kefu.chat;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import shop.kefu.support.ChatClient;
import shop.kefu.support.RawWebSocket;
import shop.kefu.support.Tokens;
import shop.kefu.support.Ws;

/**
 * Protocol fuzzing of /ws/chat and /ws/agent: random and malformed frames (garbage, wrong JSON,
 * invalid UTF-8, binary, reserved opcodes, stray continuations, oversized frames, floods) from many
 * connections, while a bystander shopper chats normally. The server must stay up, never answer with an
 * internal error, and the bystander must lose nothing. Seeded, so a failure can be replayed.
 */
@QuarkusTest
class ProtocolFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FRAMES_PER_ENDPOINT = 600;

    @TestHTTPResource("/")
    URI base;

    @Test
    void malformedFramesNeverHurtTheServerOrOtherShoppers() throws Exception {
        String bystander = Ws.uniqueCustomer("BY");
        Map<String, Integer> report = new TreeMap<>();
        try (ChatClient calm = ChatClient.connect(Ws.ws(base), "/ws/chat", Tokens.shopper(bystander))) {
            calm.next("reply");
            List<String> sent = new ArrayList<>();
            Random random = new Random(20261122L);
            for (String path : List.of("/ws/chat", "/ws/agent")) {
                String token = path.equals("/ws/chat") ? Tokens.shopper(Ws.uniqueCustomer("FUZZ")) : Tokens.agent("FUZZ-AGENT");
                fuzz(path, token, random, report);
                // the bystander keeps chatting between the two rounds and after them
                String id = "calm-" + sent.size();
                calm.message(id, "草莓怎么保存");
                sent.add(id);
                assertEquals(id, calm.next("ack").get("id").asText());
                assertTrue(calm.next("reply").get("text").asText().length() > 10);
            }
            // nothing the bystander sent is lost: a fresh connection replays the whole conversation
            JsonNode session = calm.received.stream().filter(f -> f.path("type").asText().equals("session")).findFirst().orElseThrow();
            try (ChatClient again = ChatClient.connect(Ws.ws(base), "/ws/chat", Tokens.shopper(bystander))) {
                again.next("session");
                again.send(JSON.createObjectNode().put("type", "resume").put("conversationId", session.get("conversationId").asText())
                        .put("afterSeq", 0));
                for (String id : sent) {
                    again.next(f -> f.path("type").asText().equals("message") && id.equals(f.path("id").asText()));
                }
            }
        }
        flood(report);
        given().get("/q/health").then().statusCode(200);
        System.out.println("Protocol fuzzing (seed 20261122): " + report);
        assertEquals(0, report.getOrDefault("error internal_error", 0), "an unhandled error reached a client");
        assertTrue(report.getOrDefault("error rate_limited", 0) > 0, "floods are rate limited: " + report);
        assertTrue(report.getOrDefault("dropped by server", 0) + report.keySet().stream().filter(k -> k.startsWith("closed by server"))
                .mapToInt(report::get).sum() > 10, "protocol violations end the connection: " + report);
        assertTrue(report.get("frames sent") >= 2 * FRAMES_PER_ENDPOINT);
    }

    /**
     * A flood of valid messages on a connection that stays open: the random rounds flood too, but their
     * connections are often dropped for a protocol violation before the server reaches the excess frames.
     */
    private void flood(Map<String, Integer> report) throws Exception {
        try (RawWebSocket ws = RawWebSocket.open(base, "/ws/chat", Tokens.shopper(Ws.uniqueCustomer("FLOOD")))) {
            for (int k = 0; k < 40; k++) {
                ws.text("{\"type\":\"message\",\"id\":\"flood-" + k + "\",\"text\":\"在吗\"}");
                count(report, "frames sent");
            }
            long deadline = System.currentTimeMillis() + 10_000;
            while (ws.texts.stream().noneMatch(t -> t.contains("\"rate_limited\"")) && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(200);
            tally(ws, report);
        }
    }

    /** Sends random bad frames, reconnecting whenever the server closes (as it should on protocol errors). */
    private void fuzz(String path, String token, Random random, Map<String, Integer> report) throws Exception {
        RawWebSocket ws = RawWebSocket.open(base, path, token);
        for (int i = 0; i < FRAMES_PER_ENDPOINT; i++) {
            if (ws.ended || i % 40 == 39) {
                ws = reconnect(ws, path, token, report);
            }
            try {
                send(ws, random, report);
            } catch (IOException closedUnderUs) {
                count(report, "write failed (server closed)");
            }
            count(report, "frames sent");
        }
        Thread.sleep(300);
        reconnect(ws, path, token, report).close();
    }

    private RawWebSocket reconnect(RawWebSocket ws, String path, String token, Map<String, Integer> report) throws Exception {
        long deadline = System.currentTimeMillis() + 2_000;
        while (!ws.ended && System.currentTimeMillis() < deadline && ws.closeCode < 0) {
            Thread.sleep(5);
        }
        tally(ws, report);
        ws.close();
        count(report, "connections");
        return RawWebSocket.open(base, path, token);
    }

    private static void tally(RawWebSocket ws, Map<String, Integer> report) {
        for (String text : ws.texts) {
            try {
                JsonNode f = JSON.readTree(text);
                count(report, f.path("type").asText().equals("error") ? "error " + f.path("code").asText() : "frame " + f.path("type").asText());
            } catch (IOException e) {
                count(report, "server sent invalid JSON");
            }
        }
        if (ws.closeCode >= 0) {
            count(report, "closed by server " + ws.closeCode);
        } else if (ws.ended) {
            count(report, "dropped by server"); // Netty ends the connection on a protocol violation without a close frame
        }
    }

    private static void send(RawWebSocket ws, Random random, Map<String, Integer> report) throws IOException {
        switch (random.nextInt(10)) {
            case 0 -> ws.text(randomText(random, random.nextInt(200)));
            case 1 -> ws.text(List.of("{", "[]", "null", "{\"type\":42}", "{\"type\":\"message\"}", "{\"type\":\"message\",\"id\":7,\"text\":[]}",
                    "{\"type\":\"message\",\"id\":\"x\",\"text\":\"" + "长".repeat(2500) + "\"}", "{\"type\":\"resume\",\"afterSeq\":-5}",
                    "{\"type\":\"rate\",\"score\":99}", "{\"type\":\"message\",\"id\":\"a\",\"text\":\"hi\",\"attachments\":\"x\"}",
                    "{\"type\":\"claim\",\"conversationId\":\"../../etc\"}", "{\"type\":\"message\",\"conversationId\":null,\"text\":\"\\u0000\"}")
                    .get(random.nextInt(12)));
            case 2 -> {
                ws.frame(RawWebSocket.TEXT, true, new byte[] { (byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE });
                count(report, "sent invalid UTF-8");
            }
            case 3 -> {
                byte[] b = new byte[random.nextInt(300)];
                random.nextBytes(b);
                ws.frame(RawWebSocket.BINARY, true, b);
            }
            case 4 -> {
                ws.frame(RawWebSocket.TEXT, true, ("{\"type\":\"message\",\"id\":\"big\",\"text\":\"" + "x".repeat(70_000) + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
                count(report, "sent 70 KB frame");
            }
            case 5 -> {
                ws.frame(random.nextBoolean() ? 0x3 : 0xB, true, new byte[] { 1, 2, 3 }); // reserved opcodes
                count(report, "sent reserved opcode");
            }
            case 6 -> {
                ws.frame(RawWebSocket.CONTINUATION, true, "孤立的续帧".getBytes(StandardCharsets.UTF_8));
                count(report, "sent stray continuation");
            }
            case 7 -> {
                for (int k = 0; k < 30; k++) { // a flood of valid messages
                    ws.text("{\"type\":\"message\",\"id\":\"f" + random.nextInt() + "\",\"text\":\"在吗\"}");
                }
            }
            case 8 -> ws.frame(RawWebSocket.PING, true, "ping".getBytes(StandardCharsets.UTF_8));
            default -> ws.text("{\"type\":\"message\",\"id\":\"<script>" + random.nextInt() + "\",\"text\":\"" + randomText(random, 20)
                    .replace("\\", "").replace("\"", "") + "\"}");
        }
    }

    private static String randomText(Random random, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append((char) (random.nextBoolean() ? 0x20 + random.nextInt(95) : 0x4E00 + random.nextInt(0x5000)));
        }
        return s.toString();
    }

    private static void count(Map<String, Integer> report, String key) {
        report.merge(key, 1, Integer::sum);
    }
}
