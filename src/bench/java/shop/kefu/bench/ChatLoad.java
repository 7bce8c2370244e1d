package shop.kefu.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Load generator for a running service (loopback only; bounded in time and count). Modes:
 * <ul>
 * <li>{@code turns}: for 1, 50 and 500 concurrent shoppers, FAQ questions over /ws/chat at a paced
 * total rate, then the same over the server's plain echo (/ws/echo): p50/p99 and turns/s, and the
 * ratio bot/echo;</li>
 * <li>{@code idle}: opens N shopper connections and reports the server's heap and RSS per connection;</li>
 * <li>{@code startup}: time from the service's process start to its first answered message.</li>
 * </ul>
 * Run by bench/chat-load.sh, which starts the service; see docs/benchmarks.md.
 */
public final class ChatLoad {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public static void main(String[] args) throws Exception {
        String base = System.getProperty("load.url", "http://127.0.0.1:8080");
        switch (System.getProperty("load.mode", "turns")) {
            case "turns" -> turns(base);
            case "idle" -> idle(base, Integer.getInteger("load.connections", 10_000), System.getProperty("load.pid"));
            case "startup" -> startup(base, Long.getLong("load.started"));
            default -> throw new IllegalArgumentException("load.mode is turns, idle or startup");
        }
        System.exit(0);
    }

    // ---------------------------------------------------------------- turns

    private static void turns(String base) throws Exception {
        List<String> questions = questions();
        int seconds = Integer.getInteger("load.seconds", 20);
        int warmup = Integer.getInteger("load.warmup", 10);
        double rate = Double.parseDouble(System.getProperty("load.rate", "400"));
        int[] levels = Arrays.stream(System.getProperty("load.shoppers", "1,50,500").split(",")).mapToInt(Integer::parseInt).toArray();
        System.out.printf(Locale.ROOT, "Bot turns vs echo: %d s measured per run after %d s warm-up; target total rate %.0f/s "
                + "(one shopper: 10/s)%n", seconds, warmup, rate);
        // a fresh JVM compiles the hot paths in its first tens of seconds; measure the warm service
        int jit = Integer.getInteger("load.jit-warmup", 30);
        Run warm = run(base, "/ws/chat", 50, 100, 0, jit, questions);
        System.out.printf(Locale.ROOT, "JIT warm-up: %d s at 100 turns/s from 50 shoppers (p50 %.1f ms, p99 %.1f ms), not counted%n", jit,
                warm.p(50), warm.p(99));
        System.out.println("| shoppers | endpoint | turns/s | p50 ms | p99 ms | max ms | errors | handoffs |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (int n : levels) {
            // one shopper types at 10 messages/s (under the per-connection rate limit): unloaded latency
            Run bot = run(base, "/ws/chat", n, n == 1 ? 10 : rate, warmup, seconds, questions);
            Run echo = run(base, "/ws/echo", n, n == 1 ? 10 : rate, warmup, seconds, questions);
            print(n, "bot", bot);
            print(n, "echo", echo);
            System.out.printf(Locale.ROOT, "| %d | bot / echo p50 | %.1f× | | | | | |%n", n, bot.p(50) / echo.p(50));
        }
    }

    private static void print(int n, String endpoint, Run r) {
        System.out.printf(Locale.ROOT, "| %d | %s | %.0f | %.2f | %.2f | %.2f | %d | %d |%n", n, endpoint, r.latencies.length / (double) r.seconds,
                r.p(50), r.p(99), r.p(100), r.errors.get(), r.handoffs.get());
    }

    /** Latencies of one run, in ms. */
    private record Run(long[] latencies, int seconds, AtomicInteger errors, AtomicInteger handoffs) {
        double p(int percentile) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            int i = Math.min(latencies.length - 1, (int) Math.ceil(latencies.length * percentile / 100.0) - 1);
            return latencies[Math.max(0, i)] / 1e6;
        }
    }

    private static Run run(String base, String path, int shoppers, double totalRate, int warmup, int seconds, List<String> questions)
            throws Exception {
        boolean bot = path.equals("/ws/chat");
        long intervalNanos = totalRate <= 0 ? 0 : (long) (shoppers / totalRate * 1e9);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger handoffs = new AtomicInteger();
        AtomicLong measureFrom = new AtomicLong(Long.MAX_VALUE);
        AtomicLong measureTo = new AtomicLong(Long.MAX_VALUE);
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
        List<Shopper> all = new ArrayList<>();
        for (int i = 0; i < shoppers; i++) {
            String customer = "LOAD-" + path.substring(4) + "-" + shoppers + "-" + i + "-" + System.nanoTime() % 100_000;
            Shopper s = new Shopper(questions, i, timer, intervalNanos, bot, (sentAt) -> {
                long now = System.nanoTime();
                if (sentAt >= measureFrom.get() && now <= measureTo.get()) {
                    latencies.add(now - sentAt);
                }
            }, errors, handoffs);
            s.connect(base, path, bot ? token(base, customer) : null);
            all.add(s);
        }
        for (Shopper s : all) {
            s.ready.await(30, TimeUnit.SECONDS);
        }
        long start = System.nanoTime();
        for (int i = 0; i < all.size(); i++) { // spread the first sends over one interval
            Shopper s = all.get(i);
            timer.schedule(s::send, intervalNanos * i / Math.max(1, all.size()), TimeUnit.NANOSECONDS);
        }
        measureFrom.set(start + warmup * 1_000_000_000L);
        measureTo.set(start + (warmup + seconds) * 1_000_000_000L);
        Thread.sleep((warmup + seconds) * 1_000L);
        all.forEach(Shopper::stop);
        timer.shutdownNow();
        Thread.sleep(500);
        all.forEach(Shopper::close);
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Run(sorted, seconds, errors, handoffs);
    }

    /** One shopper: sends a question, waits for the answer, sends the next one interval after the last send. */
    private static final class Shopper implements WebSocket.Listener {
        private final List<String> questions;
        private final ScheduledExecutorService timer;
        private final long interval;
        private final boolean bot;
        private final Consumer<Long> done;
        private final AtomicInteger errors;
        private final AtomicInteger handoffs;
        final CountDownLatch ready = new CountDownLatch(1);
        private final StringBuilder partial = new StringBuilder();
        private volatile WebSocket ws;
        private volatile long sentAt;
        private volatile boolean stopped;
        private int next;

        Shopper(List<String> questions, int offset, ScheduledExecutorService timer, long interval, boolean bot, Consumer<Long> done,
                AtomicInteger errors, AtomicInteger handoffs) {
            this.questions = questions;
            this.next = offset;
            this.timer = timer;
            this.interval = interval;
            this.bot = bot;
            this.done = done;
            this.errors = errors;
            this.handoffs = handoffs;
        }

        void connect(String base, String path, String token) {
            WebSocket.Builder b = HTTP.newWebSocketBuilder();
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            ws = b.buildAsync(URI.create(base.replace("http", "ws") + path), this).join();
            if (!bot) {
                ready.countDown();
            }
        }

        synchronized void send() {
            if (stopped) {
                return;
            }
            String q = questions.get(next++ % questions.size());
            sentAt = System.nanoTime();
            String frame = "{\"type\":\"message\",\"id\":\"q" + sentAt + "\",\"text\":\"" + q + "\",\"attachments\":[]}";
            ws.sendText(frame, true);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                handle(text);
            }
            webSocket.request(1);
            return null;
        }

        private void handle(String text) {
            boolean answered;
            if (!bot) {
                answered = true;
            } else {
                JsonNode f;
                try {
                    f = JSON.readTree(text);
                } catch (IOException e) {
                    errors.incrementAndGet();
                    return;
                }
                String type = f.path("type").asText();
                if (type.equals("error")) {
                    errors.incrementAndGet();
                }
                if (type.equals("handoff")) {
                    handoffs.incrementAndGet();
                }
                if (type.equals("reply") && f.path("seq").asInt() == 1) { // the greeting
                    ready.countDown();
                    return;
                }
                answered = type.equals("reply") || type.equals("error");
            }
            if (answered && sentAt != 0) {
                long at = sentAt;
                sentAt = 0;
                done.accept(at);
                long wait = interval == 0 ? 0 : Math.max(0, at + interval - System.nanoTime());
                timer.schedule(this::send, wait, TimeUnit.NANOSECONDS);
            }
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            if (!stopped) {
                errors.incrementAndGet();
            }
        }

        void stop() {
            stopped = true;
        }

        void close() {
            ws.abort();
        }
    }

    // ---------------------------------------------------------------- idle

    private static void idle(String base, int connections, String pid) throws Exception {
        List<WebSocket> open = new ArrayList<>();
        openShoppers(base, 0, 50, open, "IDLE-WARM");
        gc(pid);
        long heap0 = heap(base);
        long rss0 = rss(pid);
        jcmd(pid, "VM.native_memory", "baseline"); // answered only if the service runs with -XX:NativeMemoryTracking
        Map<String, long[]> classes0 = Boolean.getBoolean("load.histogram") ? histogram(pid) : Map.of();
        // Measured at half and at all connections: the second half's growth is the marginal cost of a
        // connection, without the one-off costs of the first thousands (compiled code, the heap's growth).
        int half = connections / 2;
        long t0 = System.nanoTime();
        openShoppers(base, 0, half, open, "IDLE");
        long opening = System.nanoTime() - t0;
        gc(pid);
        long heapHalf = heap(base);
        long rssHalf = rss(pid);
        t0 = System.nanoTime();
        openShoppers(base, half, connections, open, "IDLE");
        double took = (opening + System.nanoTime() - t0) / 1e9;
        gc(pid);
        long heap1 = heap(base);
        long rss1 = rss(pid);
        System.out.printf(Locale.ROOT, "Idle capacity: %d shopper connections open (each with its conversation and greeting) in %.1f s%n",
                connections, took);
        System.out.printf(Locale.ROOT, "  heap after GC: %d MiB -> %d MiB (%d open) -> %d MiB: %.1f KiB per connection; second half %.1f KiB%n",
                heap0 >> 20, heapHalf >> 20, half, heap1 >> 20, (heap1 - heap0) / 1024.0 / connections,
                (heap1 - heapHalf) / 1024.0 / (connections - half));
        System.out.printf(Locale.ROOT, "  RSS: %d MiB -> %d MiB (%d open) -> %d MiB: %.1f KiB per connection; second half %.1f KiB%n",
                rss0 >> 20, rssHalf >> 20, half, rss1 >> 20, (rss1 - rss0) / 1024.0 / connections,
                (rss1 - rssHalf) / 1024.0 / (connections - half));
        String nmt = jcmd(pid, "VM.native_memory", "summary.diff", "scale=MB");
        if (nmt.contains("Native Memory Tracking")) {
            System.out.println("  where the process's memory grew (Native Memory Tracking, committed, MB):");
            nmt.lines().filter(l -> l.matches("^(Total.*|-\\s+\\S.*\\(reserved=.*)")).map(l -> "    " + l.strip()).forEach(System.out::println);
        }
        if (Boolean.getBoolean("load.histogram")) {
            Map<String, long[]> classes1 = histogram(pid);
            System.out.println("  heap growth by class (after GC, bytes per connection, instances per connection):");
            classes1.entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), new long[] {
                            e.getValue()[0] - classes0.getOrDefault(e.getKey(), new long[2])[0],
                            e.getValue()[1] - classes0.getOrDefault(e.getKey(), new long[2])[1] }))
                    .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1])).limit(30)
                    .forEach(e -> System.out.printf(Locale.ROOT, "    %8.0f B  %6.2f  %s%n", e.getValue()[1] / (double) connections,
                            e.getValue()[0] / (double) connections, e.getKey()));
        }
        open.forEach(WebSocket::abort);
    }

    /** Live objects by class (jcmd GC.class_histogram runs a full GC first): class -> {instances, bytes}. */
    private static Map<String, long[]> histogram(String pid) throws Exception {
        Map<String, long[]> classes = new HashMap<>();
        Matcher m = Pattern.compile("(?m)^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)").matcher(jcmd(pid, "GC.class_histogram"));
        while (m.find()) {
            classes.put(m.group(3), new long[] { Long.parseLong(m.group(1)), Long.parseLong(m.group(2)) });
        }
        return classes;
    }

    private static void openShoppers(String base, int first, int end, List<WebSocket> open, String prefix) throws Exception {
        int batch = 200;
        for (int from = first; from < end; from += batch) {
            List<CompletableFuture<WebSocket>> pending = new ArrayList<>();
            List<CountDownLatch> greeted = new ArrayList<>();
            for (int i = from; i < Math.min(end, from + batch); i++) {
                CountDownLatch greeting = new CountDownLatch(1);
                greeted.add(greeting);
                pending.add(HTTP.newWebSocketBuilder().header("Authorization", "Bearer " + token(base, prefix + "-" + i))
                        .buildAsync(URI.create(base.replace("http", "ws") + "/ws/chat"), new WebSocket.Listener() {
                            @Override
                            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                                if (data.toString().contains("\"type\":\"reply\"")) {
                                    greeting.countDown();
                                }
                                ws.request(1);
                                return null;
                            }
                        }));
            }
            for (CompletableFuture<WebSocket> p : pending) {
                open.add(p.get(30, TimeUnit.SECONDS));
            }
            for (CountDownLatch g : greeted) {
                if (!g.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("a connection got no greeting");
                }
            }
            if ((from + batch) % 2000 == 0) {
                System.out.printf("  %d connections open%n", from + batch);
            }
        }
    }

    private static void gc(String pid) throws Exception {
        if (pid != null) {
            jcmd(pid, "GC.run");
            Thread.sleep(500);
        }
    }

    private static String jcmd(String pid, String... command) throws Exception {
        if (pid == null) {
            return "";
        }
        List<String> line = new ArrayList<>(List.of("jcmd", pid));
        line.addAll(List.of(command));
        Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    private static long heap(String base) throws Exception {
        String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/q/metrics")).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher m = Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\} ([0-9.E+]+)$").matcher(metrics);
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return (long) sum;
    }

    private static long rss(String pid) throws IOException {
        if (pid == null) {
            return 0;
        }
        for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return 0;
    }

    // ---------------------------------------------------------------- startup

    private static void startup(String base, Long startedMillis) throws Exception {
        // a shared, loaded machine can need longer than two minutes: -Dload.startup-wait=<seconds>
        int wait = Integer.getInteger("load.startup-wait", 120);
        long deadline = System.currentTimeMillis() + wait * 1000L;
        while (System.currentTimeMillis() < deadline) {
            try {
                CompletableFuture<String> answer = new CompletableFuture<>();
                WebSocket ws = HTTP.newWebSocketBuilder().header("Authorization", "Bearer " + token(base, "STARTUP"))
                        .buildAsync(URI.create(base.replace("http", "ws") + "/ws/chat"), new WebSocket.Listener() {
                            @Override
                            public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                                String s = data.toString();
                                if (s.contains("\"type\":\"reply\"") && !s.contains("\"seq\":1,")) {
                                    answer.complete(s);
                                }
                                w.request(1);
                                return null;
                            }
                        }).get(5, TimeUnit.SECONDS);
                ws.sendText("{\"type\":\"message\",\"id\":\"s1\",\"text\":\"草莓怎么保存\",\"attachments\":[]}", true);
                answer.get(30, TimeUnit.SECONDS);
                System.out.printf(Locale.ROOT, "Start-up to the first answered message: %.2f s (from process start)%n",
                        (System.currentTimeMillis() - startedMillis) / 1000.0);
                ws.abort();
                return;
            } catch (Exception notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("no answer within " + wait + " s");
    }

    // ---------------------------------------------------------------- shared

    private static String token(String base, String customer) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/demo/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"role\":\"shopper\",\"subject\":\"" + customer + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("demo token: HTTP " + r.statusCode() + " (is demo mode on?)");
        }
        return JSON.readTree(r.body()).get("token").asText();
    }

    /** FAQ questions shoppers ask: the storage articles' titles and alternative questions. */
    private static List<String> questions() throws IOException {
        List<String> out = new ArrayList<>();
        try (var files = Files.list(Path.of("knowledge-base/fresh"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith("-storage.md")).sorted().toList()) {
                for (String line : Files.readAllLines(f)) {
                    if (line.startsWith("title: ")) {
                        out.add(line.substring(7).strip());
                    } else if (line.startsWith("  - ")) {
                        out.add(line.substring(4).strip());
                    }
                }
            }
        }
        return out.stream().filter(q -> !q.contains("\"") && !q.contains("\\")).toList();
    }
}
