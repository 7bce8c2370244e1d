package shop.kefu.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import shop.kefu.support.ChatClient;

/**
 * What crossing nodes costs (bench/nodes.sh starts the nodes; docs/benchmarks.md, "Several nodes"):
 * <ul>
 * <li>a bot turn (message sent → reply received) on a node that tells another node of each event,
 * against a node that tells nobody ({@code kefu.cluster.fan-out=local}), both on the same database;</li>
 * <li>when the same turn's reply reaches a second connection of the shopper on the other node, against
 * one on the same node;</li>
 * <li>an agent's reply (REST) to a shopper connected to node A, sent through node B and through node A.</li>
 * </ul>
 * Sequential (one turn at a time), so the figures are latency, not throughput.
 */
public final class NodesBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String[] QUESTIONS = { "草莓怎么保存", "冰箱不制冷怎么办", "沙发可以退货吗", "快递多久能到", "发票怎么开" };

    public static void main(String[] args) throws Exception {
        URI a = URI.create(System.getProperty("nodes.a"));
        URI b = URI.create(System.getProperty("nodes.b"));
        URI local = URI.create(System.getProperty("nodes.local"));
        int n = Integer.getInteger("nodes.turns", 300);

        System.out.println("| measured | p50 ms | p99 ms | n |");
        System.out.println("|---|---|---|---|");
        turns(local, n); // warm-up of the baseline node, not counted
        row("bot turn, node telling nobody (fan-out local)", turns(local, n));
        turns(a, n);
        row("bot turn, node telling another node (LISTEN/NOTIFY)", turns(a, n));

        double[][] views = replyOnBothNodes(a, b, n);
        row("turn's reply at a 2nd connection on the same node", views[0]);
        row("turn's reply at a 2nd connection on the other node", views[1]);

        agentReplies(a, a, n); // warm-up
        row("agent reply (REST) to a shopper, both on node A", agentReplies(a, a, n));
        row("agent reply (REST) on node B to a shopper on node A", agentReplies(a, b, n));
        System.exit(0);
    }

    /** Sequential bot turns of one shopper: ms from sending to the reply. */
    private static double[] turns(URI node, int n) throws Exception {
        double[] ms = new double[n];
        try (ChatClient c = ChatClient.connect(ws(node), "/ws/chat", token(node, "shopper", "NB-" + System.nanoTime()))) {
            c.next("session");
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                c.message("t" + i, QUESTIONS[i % QUESTIONS.length]);
                c.next("reply");
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        return ms;
    }

    /** One shopper with a connection on each node; turns on A; ms until the reply reaches each connection. */
    private static double[][] replyOnBothNodes(URI a, URI b, int n) throws Exception {
        String shopper = "NV-" + System.nanoTime();
        double[] same = new double[n];
        double[] other = new double[n];
        try (ChatClient onA = ChatClient.connect(ws(a), "/ws/chat", token(a, "shopper", shopper));
                ChatClient onA2 = ChatClient.connect(ws(a), "/ws/chat", token(a, "shopper", shopper))) {
            String conversation = onA.next("session").get("conversationId").asText();
            onA2.next("session");
            try (ChatClient onB = ChatClient.connect(ws(b), "/ws/chat", token(b, "shopper", shopper))) {
                onB.next("session");
                onB.send("{\"type\":\"resume\",\"conversationId\":\"" + conversation + "\",\"afterSeq\":0}");
                onA2.send("{\"type\":\"resume\",\"conversationId\":\"" + conversation + "\",\"afterSeq\":0}");
                onB.drain(java.time.Duration.ofMillis(500));
                onA2.drain(java.time.Duration.ofMillis(500));
                for (int i = 0; i < n; i++) {
                    long t0 = System.nanoTime();
                    onA.message("v" + i, QUESTIONS[i % QUESTIONS.length]);
                    onA.next("reply");
                    onA2.next("reply");
                    same[i] = (System.nanoTime() - t0) / 1e6;
                    onB.next("reply");
                    other[i] = (System.nanoTime() - t0) / 1e6;
                }
            }
        }
        return new double[][] { same, other };
    }

    /** A shopper on {@code shopperNode} handed to an agent who writes through {@code agentNode}: ms from the POST to the shopper's reply. */
    private static double[] agentReplies(URI shopperNode, URI agentNode, int n) throws Exception {
        String agent = token(agentNode, "agent", "NBA-" + System.nanoTime());
        double[] ms = new double[n];
        try (ChatClient c = ChatClient.connect(ws(shopperNode), "/ws/chat", token(shopperNode, "shopper", "NBS-" + System.nanoTime()))) {
            String conversation = c.next("session").get("conversationId").asText();
            c.message("h", "转人工");
            c.next("handoff");
            post(agentNode, agent, "/api/agent/conversations/" + conversation + "/claim", "");
            c.next("agent_joined");
            c.drain(java.time.Duration.ofMillis(300));
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                post(agentNode, agent, "/api/agent/conversations/" + conversation + "/messages", "{\"text\":\"好的 " + i + "\"}");
                c.next("reply");
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        return ms;
    }

    private static void row(String what, double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %d |%n", what, p(sorted, 50), p(sorted, 99), sorted.length);
    }

    private static double p(double[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * percentile / 100.0) - 1)];
    }

    private static URI ws(URI http) {
        return URI.create(http.toString().replaceFirst("^http", "ws"));
    }

    private static String token(URI node, String role, String subject) throws Exception {
        JsonNode r = JSON.readTree(post(node, null, "/api/demo/token",
                "{\"role\":\"" + role + "\",\"subject\":\"" + subject + "\",\"name\":\"" + subject + "\"}"));
        return r.get("token").asText();
    }

    private static String post(URI node, String token, String path, String body) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(node.resolve(path)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            req.header("authorization", "Bearer " + token);
        }
        HttpResponse<String> r = HTTP.send(req.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(path + " → " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }
}
