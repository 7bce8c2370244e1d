package shop.kefu.bench;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The managers' report over a large history (docs/benchmarks.md). Run by bench/report.sh, which
 * creates the schema (by starting the service once), then:
 * <ul>
 * <li>{@code fill}: writes {@code bench.events} chat events (default 1,000,000) over the year 2025 in
 * batched JDBC, as the service stores them: conversations of about ten events, 20% handed off, a
 * clarification in one bot reply of eight, ratings, and after-sales cases on built-in orders;</li>
 * <li>{@code time}: against the running service, times GET /api/reports/service for a day, a month and
 * the longest range (92 days), after warm-up, and prints p50/p99 of each.</li>
 * </ul>
 */
public final class ReportBenchmark {

    private static final String[] PRODUCTS = { "草莓", "冰箱", "沙发", "牛排", "洗衣机", "车厘子", "床垫", "空调", "大米", "鸡蛋",
            "餐桌", "电视", "橙子", "螃蟹", "衣柜", "微波炉", "牛奶", "书架", "热水器", "三文鱼" };
    private static final String[] ASKS = { "能用数字人民币付款吗", "可以开增值税专票吗", "能寄到香港吗", "有没有会员折扣", "能分期付款吗",
            "支持以旧换新吗", "可以预约晚上送吗", "能开发票抬头是公司吗", "有实体店吗", "可以团购吗" };
    private static final String[] REASONS = { "low_confidence", "requested", "negative_sentiment", "policy" };
    private static final String[] KINDS = { "refund", "return", "replacement", "reship" };
    private static final String[] CLAIMS = { "spoiled", "damaged", "quality", "missing", "wrong_item" };
    /** Stored as the after-sales service stores them: kinds and reasons in lower case, statuses as enum names. */
    private static final String[] STATUSES = { "REFUNDED", "APPROVED", "REJECTED", "UNDER_REVIEW", "CLOSED" };
    private static final String[] CATEGORIES = { "fresh", "appliance", "furniture" };
    private static final int ORDERS = 5_000;

    public static void main(String[] args) throws Exception {
        switch (System.getProperty("bench.mode", "")) {
            case "fill" -> fill(System.getProperty("bench.jdbc"), System.getProperty("bench.user", "kefu"),
                    System.getProperty("bench.password", "kefu"), Integer.getInteger("bench.events", 1_000_000));
            case "time" -> time(System.getProperty("bench.url"), Integer.getInteger("bench.runs", 30));
            default -> throw new IllegalArgumentException("bench.mode is fill or time");
        }
        System.exit(0);
    }

    private static void fill(String url, String user, String password, int events) throws SQLException {
        long started = System.nanoTime();
        Random random = new Random(16);
        OffsetDateTime start = OffsetDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(8));
        long yearSeconds = 365L * 24 * 3600;
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.setAutoCommit(false);
            try (PreparedStatement conv = c.prepareStatement("INSERT INTO conversation (id, customer_id, state, last_seq, agent_id, agent_name,"
                    + " handoff_reason, handoff_at, first_agent_reply_at, resolved_at, rating, created_at, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement event = c.prepareStatement("INSERT INTO chat_event (conversation_id, seq, type, sender, text, payload,"
                            + " created_at, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                int written = 0;
                int conversations = 0;
                int pending = 0;
                while (written < events) {
                    String id = String.format("bench-%010d", conversations);
                    // spread evenly over the year, in order
                    OffsetDateTime at = start.plusSeconds((long) ((double) written / events * yearSeconds));
                    int turns = 2 + random.nextInt(5);
                    boolean human = random.nextInt(5) == 0;
                    List<Object[]> rows = new ArrayList<>();
                    rows.add(new Object[] { "reply", "bot", "您好", "{\"type\":\"reply\",\"from\":\"bot\",\"text\":\"您好\",\"confidence\":1.0}", null });
                    for (int t = 0; t < turns; t++) {
                        String q = PRODUCTS[random.nextInt(PRODUCTS.length)] + ASKS[random.nextInt(ASKS.length)];
                        rows.add(new Object[] { "message", "shopper", q, "{\"type\":\"message\",\"from\":\"shopper\",\"id\":\"m" + t
                                + "\",\"text\":\"" + q + "\",\"attachments\":[]}", null });
                        boolean clarify = random.nextInt(8) == 0;
                        String text = clarify ? "我不太确定您想问的是哪一个" : "这是答案";
                        rows.add(new Object[] { "reply", "bot", text, "{\"type\":\"reply\",\"from\":\"bot\",\"text\":\"" + text
                                + "\",\"confidence\":" + (clarify ? 0.4 : 0.9) + ",\"citations\":[],\"quickReplies\":[]}", clarify ? "clarify" : "answer" });
                    }
                    String reason = null;
                    if (human) {
                        reason = REASONS[random.nextInt(REASONS.length)];
                        rows.add(new Object[] { "handoff", "system", null, "{\"type\":\"handoff\",\"reason\":\"" + reason
                                + "\",\"queuePosition\":1,\"agentsOnline\":1,\"estimatedWaitMinutes\":5}", "handoff" });
                        rows.add(new Object[] { "reply", "agent", "您好，我是客服小王", "{\"type\":\"reply\",\"from\":\"agent\",\"text\":\"您好\"}", null });
                    }
                    OffsetDateTime handoffAt = at.plusMinutes(2);
                    String agent = human ? "A" + random.nextInt(20) : null;
                    conv.setString(1, id);
                    conv.setString(2, "BC" + random.nextInt(50_000));
                    conv.setString(3, human ? "CLOSED" : "BOT");
                    conv.setLong(4, rows.size());
                    conv.setString(5, agent);
                    conv.setString(6, agent);
                    conv.setString(7, reason);
                    conv.setObject(8, human ? handoffAt : null);
                    conv.setObject(9, human ? handoffAt.plusSeconds(30 + random.nextInt(1200)) : null);
                    conv.setObject(10, human ? handoffAt.plusMinutes(10 + random.nextInt(2000)) : null);
                    if (human && random.nextBoolean()) {
                        conv.setInt(11, 1 + random.nextInt(5));
                    } else {
                        conv.setObject(11, null);
                    }
                    conv.setObject(12, at);
                    conv.setObject(13, at);
                    conv.addBatch();
                    for (int i = 0; i < rows.size(); i++) {
                        Object[] r = rows.get(i);
                        event.setString(1, id);
                        event.setLong(2, i + 1);
                        event.setString(3, (String) r[0]);
                        event.setString(4, (String) r[1]);
                        event.setString(5, (String) r[2]);
                        event.setString(6, (String) r[3]);
                        event.setObject(7, at.plusSeconds(i * 5L));
                        event.setString(8, (String) r[4]);
                        event.addBatch();
                    }
                    written += rows.size();
                    conversations++;
                    pending += rows.size();
                    if (pending >= 5_000) {
                        conv.executeBatch();
                        event.executeBatch();
                        c.commit();
                        pending = 0;
                    }
                }
                conv.executeBatch();
                event.executeBatch();
                c.commit();
                System.out.printf(Locale.ROOT, "Wrote %,d events in %,d conversations%n", written, conversations);
            }
            fillAfterSales(c, random, start, yearSeconds);
            c.commit();
        }
        System.out.printf(Locale.ROOT, "Fill took %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    private static void fillAfterSales(Connection c, Random random, OffsetDateTime start, long yearSeconds) throws SQLException {
        try (PreparedStatement order = c.prepareStatement("INSERT INTO shop_order (order_id, customer_id, category, status, items,"
                + " delivered_at, created_at) VALUES (?, ?, ?, 'delivered', '[]', ?, ?)");
                PreparedStatement a = c.prepareStatement("INSERT INTO aftersales (id, order_id, customer_id, sku, item_name, qty, kind,"
                        + " reason, amount, status, decision_rule, decision_reason, evidence, history, created_at, updated_at)"
                        + " VALUES (?, ?, ?, 'S1', '商品', 1, ?, ?, ?, ?, 'bench', 'bench', '[]', '[]', ?, ?)")) {
            for (int o = 0; o < ORDERS; o++) {
                order.setString(1, "BO" + o);
                order.setString(2, "BC" + o);
                order.setString(3, CATEGORIES[o % CATEGORIES.length]);
                order.setObject(4, start);
                order.setObject(5, start);
                order.addBatch();
            }
            order.executeBatch();
            int cases = 20_000;
            for (int i = 0; i < cases; i++) {
                int o = random.nextInt(ORDERS);
                OffsetDateTime at = start.plusSeconds((long) ((double) i / cases * yearSeconds));
                a.setString(1, "BAS" + i);
                a.setString(2, "BO" + o);
                a.setString(3, "BC" + o);
                a.setString(4, KINDS[random.nextInt(KINDS.length)]);
                a.setString(5, CLAIMS[random.nextInt(CLAIMS.length)]);
                a.setBigDecimal(6, BigDecimal.valueOf(100 + random.nextInt(50_000), 2));
                a.setString(7, STATUSES[random.nextInt(STATUSES.length)]);
                a.setObject(8, at);
                a.setObject(9, at);
                a.addBatch();
            }
            a.executeBatch();
            System.out.printf(Locale.ROOT, "Wrote %,d after-sales cases on %,d orders%n", cases, ORDERS);
        }
    }

    private static void time(String base, int runs) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String token = new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/demo/token"))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"role\":\"manager\",\"subject\":\"BENCH\"}")).build(), HttpResponse.BodyHandlers.ofString()).body())
                .get("token").asText();
        LocalDate day = LocalDate.of(2025, 11, 11);
        String[][] ranges = { { "one day", day.toString(), day.toString() }, { "one month", "2025-11-01", "2025-11-30" },
                { "92 days (the most)", "2025-09-01", "2025-12-01" } };
        for (String[] range : ranges) {
            URI uri = URI.create(base + "/api/reports/service?from=" + range[1] + "&to=" + range[2]);
            HttpRequest request = HttpRequest.newBuilder(uri).header("authorization", "Bearer " + token).build();
            long first = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            double cold = (System.nanoTime() - first) / 1e6;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
            var body = new ObjectMapper().readTree(response.body());
            for (int i = 0; i < 3; i++) {
                http.send(request, HttpResponse.BodyHandlers.discarding());
            }
            double[] ms = new double[runs];
            for (int i = 0; i < runs; i++) {
                long t = System.nanoTime();
                http.send(request, HttpResponse.BodyHandlers.discarding());
                ms[i] = (System.nanoTime() - t) / 1e6;
            }
            Arrays.sort(ms);
            System.out.printf(Locale.ROOT, "%-20s conversations %,7d, bot turns %,7d, questions grouped %d: first %.0f ms, then p50 %.0f ms, p99 %.0f ms (%d runs)%n",
                    range[0], body.at("/conversations/total").asLong(), body.at("/turns/total").asLong(),
                    body.at("/unanswered/questions").asLong(), cold, ms[runs / 2], ms[(int) Math.ceil(runs * 0.99) - 1], runs);
        }
    }
}
