package shop.kefu.wechat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import shop.kefu.support.Shop;

/**
 * A local WeChat API for tests, over real HTTP: access_token, the customer-service send and typing
 * calls, and media download. Records every call; sends can be scripted to fail with WeChat's error
 * codes, and tokens can be expired. The service is pointed at it with {@code kefu.wechat.api-base-url}.
 */
public class FakeWechat implements QuarkusTestResourceLifecycleManager {

    static final String TOKEN = "kefutest";
    /** The EncodingAESKey of WeChat's published examples. */
    static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    static final String APP_ID = "wxkefu0000000001";
    static final String MEDIA_ID = "MEDIA-STRAW";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Every send: the body, with the access_token it came with as {@code _token}. */
    static final List<JsonNode> SENT = Collections.synchronizedList(new ArrayList<>());
    static final List<JsonNode> TYPING = Collections.synchronizedList(new ArrayList<>());
    static final AtomicInteger TOKENS_ISSUED = new AtomicInteger();
    static final AtomicInteger MEDIA_FETCHES = new AtomicInteger();
    static final Set<String> EXPIRED = ConcurrentHashMap.newKeySet();
    /** errcodes the next sends answer (then 0 again). */
    static final ConcurrentLinkedDeque<Integer> SEND_ERRORS = new ConcurrentLinkedDeque<>();
    private HttpServer server;

    static void reset() {
        SENT.clear();
        TYPING.clear();
        SEND_ERRORS.clear();
    }

    /** The texts sent to one user, in order. */
    static List<String> textsTo(String openid) {
        synchronized (SENT) {
            return SENT.stream().filter(s -> openid.equals(s.path("touser").asText())).map(s -> s.at("/text/content").asText()).toList();
        }
    }

    static String currentToken() {
        return "ACCESS-" + TOKENS_ISSUED.get();
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/cgi-bin/token", this::token);
        server.createContext("/cgi-bin/message/custom/send", ex -> message(ex, SENT, true));
        server.createContext("/cgi-bin/message/custom/typing", ex -> message(ex, TYPING, false));
        server.createContext("/cgi-bin/media/get", this::media);
        server.start();
        Map<String, String> config = new HashMap<>();
        config.put("kefu.wechat.enabled", "true");
        config.put("kefu.wechat.token", TOKEN);
        config.put("kefu.wechat.encoding-aes-key", AES_KEY);
        config.put("kefu.wechat.app-id", APP_ID);
        config.put("kefu.wechat.app-secret", "test-secret");
        config.put("kefu.wechat.api-base-url", "http://127.0.0.1:" + server.getAddress().getPort());
        config.put("kefu.wechat.sweep-every", "1h"); // the tests run the sweep themselves
        config.put("kefu.wechat.retry-after", "0s");
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void token(HttpExchange ex) throws IOException {
        Map<String, String> q = query(ex);
        if (!APP_ID.equals(q.get("appid")) || !"test-secret".equals(q.get("secret"))) {
            answer(ex, 200, "{\"errcode\":40013,\"errmsg\":\"invalid appid\"}", "application/json");
            return;
        }
        int n = TOKENS_ISSUED.incrementAndGet();
        answer(ex, 200, "{\"access_token\":\"ACCESS-" + n + "\",\"expires_in\":7200}", "application/json");
    }

    private void message(HttpExchange ex, List<JsonNode> into, boolean scripted) throws IOException {
        String token = query(ex).get("access_token");
        if (token == null || EXPIRED.contains(token) || !token.startsWith("ACCESS-")) {
            answer(ex, 200, "{\"errcode\":42001,\"errmsg\":\"access_token expired\"}", "application/json");
            return;
        }
        Integer error = scripted ? SEND_ERRORS.poll() : null;
        if (error != null && error != 0) {
            answer(ex, 200, "{\"errcode\":" + error + ",\"errmsg\":\"scripted\"}", "application/json");
            return;
        }
        JsonNode body = JSON.readTree(ex.getRequestBody().readAllBytes());
        ((com.fasterxml.jackson.databind.node.ObjectNode) body).put("_token", token);
        into.add(body);
        answer(ex, 200, "{\"errcode\":0,\"errmsg\":\"ok\"}", "application/json");
    }

    private void media(HttpExchange ex) throws IOException {
        Map<String, String> q = query(ex);
        if (EXPIRED.contains(q.get("access_token"))) {
            answer(ex, 200, "{\"errcode\":42001,\"errmsg\":\"access_token expired\"}", "application/json");
            return;
        }
        MEDIA_FETCHES.incrementAndGet();
        if (!MEDIA_ID.equals(q.get("media_id"))) {
            answer(ex, 200, "{\"errcode\":40007,\"errmsg\":\"invalid media_id\"}", "application/json");
            return;
        }
        ex.getResponseHeaders().add("Content-Type", "image/png");
        ex.sendResponseHeaders(200, Shop.PNG.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(Shop.PNG);
        }
    }

    private static Map<String, String> query(HttpExchange ex) {
        Map<String, String> q = new HashMap<>();
        String raw = ex.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    q.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return q;
    }

    private static void answer(HttpExchange ex, int status, String body, String type) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
