package shop.kefu.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A real WebSocket client (the JDK's) that queues every frame the server sends, parsed as JSON. */
public final class ChatClient implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebSocket socket;
    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    /** Every frame received so far, in order (including the ones taken from the queue). */
    public final List<JsonNode> received = java.util.Collections.synchronizedList(new ArrayList<>());
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();

    private ChatClient(URI uri, String bearer) {
        this(HttpClient.newHttpClient(), uri, bearer);
    }

    private ChatClient(HttpClient http, URI uri, String bearer) {
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(WAIT);
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        socket = builder.buildAsync(uri, new Listener()).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    public static ChatClient connect(URI base, String path, String token) {
        return new ChatClient(base.resolve(path.startsWith("/") ? path.substring(1) : path), token);
    }

    /** Connects through a shared HTTP client, for harnesses that open hundreds of connections one after another. */
    public static ChatClient connect(HttpClient http, URI base, String path, String token) {
        return new ChatClient(http, base.resolve(path.startsWith("/") ? path.substring(1) : path), token);
    }

    /**
     * Connects with credentials in the query string and no Authorization header, as browsers do:
     * {@code "ticket=" + Tokens.ticket(token)}.
     */
    public static ChatClient connectWithQuery(URI base, String path, String query) {
        return new ChatClient(base.resolve(path.substring(1) + "?" + query), null);
    }

    /** The HTTP status of a refused upgrade, or -1 if the upgrade succeeded. */
    public static int upgradeStatus(URI base, String path, String token) {
        return statusOf(() -> connect(base, path, token));
    }

    /** The HTTP status of a refused upgrade with credentials in the query string, or -1 if it succeeded. */
    public static int queryUpgradeStatus(URI base, String path, String query) {
        return statusOf(() -> connectWithQuery(base, path, query));
    }

    private static int statusOf(java.util.function.Supplier<ChatClient> connecting) {
        try (ChatClient c = connecting.get()) {
            return -1;
        } catch (CompletionException e) {
            if (e.getCause() instanceof java.net.http.WebSocketHandshakeException h) {
                return h.getResponse().statusCode();
            }
            throw e;
        }
    }

    public void send(String raw) {
        socket.sendText(raw, true).join();
    }

    public void send(ObjectNode frame) {
        send(frame.toString());
    }

    public void message(String id, String text) {
        send(JSON.createObjectNode().put("type", "message").put("id", id).put("text", text));
    }

    /** Sends a message with a fresh id and returns the reply to it (after its ack). */
    public JsonNode say(String text, String... attachments) {
        ObjectNode frame = JSON.createObjectNode().put("type", "message").put("id", "m" + System.nanoTime()).put("text", text);
        var list = frame.putArray("attachments");
        for (String a : attachments) {
            list.add(a);
        }
        send(frame);
        next("ack");
        return next("reply");
    }

    public JsonNode next() {
        try {
            JsonNode n = frames.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (n == null) {
                throw new AssertionError("No frame within " + WAIT + "; received so far: " + received);
            }
            return n;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next frame if one arrives within the time, else null (unlike {@link #next()}, not a failure). */
    public JsonNode poll(Duration within) {
        try {
            return frames.poll(within.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Skips frames until one matches; fails after the wait. */
    public JsonNode next(Predicate<JsonNode> match) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode n = next();
            if (match.test(n)) {
                return n;
            }
        }
        throw new AssertionError("No matching frame; received: " + received);
    }

    public JsonNode next(String type) {
        return next(n -> type.equals(n.path("type").asText()));
    }

    /** Frames that arrive within the given time (for asserting that nothing else arrives). */
    public List<JsonNode> drain(Duration within) {
        List<JsonNode> out = new ArrayList<>();
        long deadline = System.nanoTime() + within.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return out;
                }
                JsonNode n = frames.poll(left, TimeUnit.NANOSECONDS);
                if (n != null) {
                    out.add(n);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return out;
        }
    }

    public boolean isClosedByServer() {
        return closed.isDone();
    }

    /** The status code of the server's close frame (-1 on a transport error); fails after the wait. */
    public int closeCode() {
        return closed.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(t -> null);
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode n = JSON.readTree(partial.toString());
                    received.add(n);
                    frames.add(n);
                } catch (Exception e) {
                    throw new IllegalStateException("Server sent non-JSON: " + partial, e);
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.complete(-1);
        }
    }
}
