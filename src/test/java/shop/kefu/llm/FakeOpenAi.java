package shop.kefu.llm;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A local OpenAI-compatible server for tests: real HTTP, the chat completions JSON with tool calls.
 * Each request takes the next scripted answer (a function of the request); every request is recorded.
 * Started before the service, which it points at itself through {@code kefu.llm.base-url}.
 */
public class FakeOpenAi implements QuarkusTestResourceLifecycleManager {

    static final ObjectMapper JSON = new ObjectMapper();
    static final List<JsonNode> REQUESTS = Collections.synchronizedList(new ArrayList<>());
    private static final ConcurrentLinkedDeque<Function<JsonNode, Answer>> SCRIPT = new ConcurrentLinkedDeque<>();
    private HttpServer server;

    /** An HTTP answer: status, body, and how long to wait before sending it. */
    record Answer(int status, String body, long delayMillis) {
    }

    static void reset() {
        REQUESTS.clear();
        SCRIPT.clear();
    }

    static void then(Function<JsonNode, Answer> answer) {
        SCRIPT.add(answer);
    }

    static void thenSay(String text) {
        then(request -> new Answer(200, completion(text, null), 0));
    }

    static void thenCall(String tool, Map<String, ?> arguments) {
        then(request -> new Answer(200, completion(null, toolCall(tool, arguments)), 0));
    }

    /**
     * A call of the after-sales request tool the service offers in the request's tool list, whatever it is
     * named (createAfterSales before issue 15 defect 10, proposeAfterSales since), so that a test scripted
     * with it runs against both.
     */
    static void thenRequestAfterSales(Map<String, ?> arguments) {
        then(request -> {
            String name = null;
            for (JsonNode tool : request.path("tools")) {
                String n = tool.at("/function/name").asText();
                if (n.endsWith("AfterSales") && !n.startsWith("list")) {
                    name = n;
                }
            }
            return new Answer(200, completion(null, toolCall(name, arguments)), 0);
        });
    }

    /** A chat completion: assistant text, or tool calls (then content is null), as the API returns them. */
    static String completion(String content, ObjectNode toolCall) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-" + System.nanoTime()).put("object", "chat.completion").put("created", 1_790_000_000L)
                .put("model", "fake-qwen");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        if (toolCall != null) {
            message.putNull("content");
            message.putArray("tool_calls").add(toolCall);
            choice.put("finish_reason", "tool_calls");
        } else {
            message.put("content", content);
            choice.put("finish_reason", "stop");
        }
        root.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", 20).put("total_tokens", 120);
        return root.toString();
    }

    static ObjectNode toolCall(String name, Map<String, ?> arguments) {
        ObjectNode call = JSON.createObjectNode();
        call.put("id", "call_" + System.nanoTime()).put("type", "function");
        call.putObject("function").put("name", name).put("arguments", JSON.valueToTree(arguments).toString());
        return call;
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
        return Map.of("kefu.llm.enabled", "true", "kefu.llm.base-url", "http://127.0.0.1:" + server.getAddress().getPort() + "/v1",
                "kefu.llm.model", "fake-qwen", "kefu.llm.timeout", "2s", "kefu.llm.api-key", "test-key",
                "kefu.llm.max-concurrent", "1");
    }

    private void handle(HttpExchange exchange) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
        REQUESTS.add(request);
        Function<JsonNode, Answer> next = SCRIPT.poll();
        Answer answer = next == null ? new Answer(200, completion("好的。", null), 0) : next.apply(request);
        if (answer.delayMillis() > 0) {
            try {
                Thread.sleep(answer.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        try {
            exchange.sendResponseHeaders(answer.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException e) {
            // the client gave up (timeout test)
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
