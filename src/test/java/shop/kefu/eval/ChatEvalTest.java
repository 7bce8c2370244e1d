package shop.kefu.eval;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import shop.kefu.eval.ChatEvalReport.Column;
import shop.kefu.eval.ChatEvalReport.OpeningTally;
import shop.kefu.eval.ChatEvalReport.QuestionTally;
import shop.kefu.knowledge.ArticleData;
import shop.kefu.knowledge.ArticleFiles;
import shop.kefu.support.ChatClient;
import shop.kefu.support.Tokens;
import shop.kefu.support.Ws;

/**
 * End-to-end evaluation through the same {@code /ws/chat} path shoppers use: knowledge questions and
 * after-sales openings, each as the first message of a new shopper, on the dev sets and the held-out
 * sets. Runs, in this order: dev questions, dev openings, each held-out set's openings (all on the
 * shipped knowledge base), then, for each held-out set, replaces the knowledge base with its articles
 * through the editors' API and runs its questions. Prints one report (also written to
 * {@code target/chat-eval.md}), with the targets marked met or missed per held-out set, before
 * asserting regression floors on every set.
 * {@code ./mvnw test -Dtest=ChatEvalTest}
 */
@QuarkusTest
@TestProfile(ChatEvalProfile.class)
@Tag("eval")
class ChatEvalTest {

    /** The held-out targets: reported as met or missed. */
    static final Figures TARGETS = new Figures(0.85, 0.03, 0.10, 0.90);
    /**
     * Regression floors, asserted: what the engine reached when these were last raised (dev: session 11; the
     * other sets' openings and held-out 6: session 12; dev 4's openings: session 13; dev 2's, dev 5's and the
     * blind sets' openings: session 14; held-out 7, at its first run: session 15; traditional's openings and
     * dev 6, at its blind run: session 21; docs/knowledge.md),
     * less a little for run-to-run noise. Raise them with the engine; never lower them to let a change in.
     */
    static final Figures DEV_FLOORS = new Figures(0.81, 0.03, 0.10, 0.95);

    /**
     * The sets with a knowledge base of their own, each switched in as the whole knowledge base in turn.
     * Each was written blind by another helper and held out until a newer one existed; then it was
     * retired to dev (docs/knowledge.md): its misses are printed like dev's and the engine is tuned on it.
     * A blind set's failures are never read: only its figures are a clean measure of the targets, the
     * report shows its misses as counts only, and the targets are marked met or missed on it.
     */
    static final List<HeldOut> HELD_OUT = List.of(
            new HeldOut("dev 2 (held-out 1)", Path.of("eval/heldout"), new Figures(0.81, 0.03, 0.13, 0.92), false),
            new HeldOut("dev 3 (held-out 2, retired)", Path.of("eval/heldout2"), new Figures(0.75, 0.03, 0.14, 0.85), false),
            new HeldOut("dev 4 (held-out 3, retired)", Path.of("eval/heldout3"), new Figures(0.59, 0.03, 0.05, 0.95), false),
            new HeldOut("dev 5 (held-out 4, retired)", Path.of("eval/heldout4"), new Figures(0.64, 0.03, 0.14, 0.93), false),
            new HeldOut("dev 6 (held-out 8, retired)", Path.of("eval/heldout8"), new Figures(0.83, 0.03, 0.21, 0.85), false),
            new HeldOut("held-out 5 (blind)", Path.of("eval/heldout5"), new Figures(0.76, 0.03, 0.18, 0.85), true),
            new HeldOut("held-out 6 (blind)", Path.of("eval/heldout6"), new Figures(0.85, 0.03, 0.21, 0.85), true),
            new HeldOut("held-out 7 (blind)", Path.of("eval/heldout7"), new Figures(0.72, 0.03, 0.08, 0.85), true));

    /**
     * Shoppers typing traditional characters (Taiwan and Hong Kong), asking of the shipped knowledge base and
     * opening requests (eval/traditional, session 19, written by a helper from the shipped articles and the
     * policy only). Dev: its misses are printed. Its questions run with dev's, before any switch.
     */
    static final HeldOut TRADITIONAL = new HeldOut("traditional (dev)", Path.of("eval/traditional"), new Figures(0.66, 0.03, 0.08, 0.88), false);

    /** Columns of the report before the held-out sets': dev and traditional. */
    private static final int FIRST_HELD_OUT = 2;

    /**
     * A set's folder (questions.tsv, aftersales.tsv, orders.tsv, knowledge-base/), its floors, and whether
     * it is blind (its misses reported as counts only).
     */
    record HeldOut(String label, Path dir, Figures floors, boolean blind) {
        Path questions() {
            return dir.resolve("questions.tsv");
        }

        Path openings() {
            return dir.resolve("aftersales.tsv");
        }

        Path orders() {
            return dir.resolve("orders.tsv");
        }

        Path knowledgeBase() {
            return dir.resolve("knowledge-base");
        }
    }

    /** Shares: answered correctly (at least), answered wrongly, unanswerable answered (at most), openings reached (at least). */
    record Figures(double correct, double wrong, double unanswerableAnswered, double openingsReached) {
    }
    /** Fewer cases than this in a file and its figures mean little. */
    private static final int MIN_CASES = 40;

    /** How long to wait for a handoff after a reply that has neither citations nor quick replies. */
    private static final Duration HANDOFF_WAIT = Duration.ofSeconds(2);

    private static final Path DEV_QUESTIONS = Path.of("eval/dev.tsv");
    private static final Path DEV_OPENINGS = Path.of("eval/aftersales-dev.tsv");
    private static final Path DEV_ORDERS = Path.of("eval/orders-dev.tsv");
    private static final Path REPORT = Path.of("target/chat-eval.md");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong MESSAGE_IDS = new AtomicLong();

    @TestHTTPResource("/")
    URI base;

    /** One HTTP client for every WebSocket of the run (about 700), instead of one each. */
    private final HttpClient http = HttpClient.newHttpClient();
    /** Cases per file, for the sanity check; -1 when the file is missing. */
    private final Map<Path, Integer> caseCounts = new LinkedHashMap<>();
    /** Unreadable lines and other problems with the eval files. */
    private final List<String> problems = new ArrayList<>();
    /** What the report should say about how the run went (skipped sets, timings). */
    private final List<String> notes = new ArrayList<>();
    private String adminToken;
    /** Order ids created so far in this run (the store refuses a second order with the same id). */
    private final Set<String> createdOrderIds = new HashSet<>();
    private int renamedOrders;

    @Test
    void devAndHeldOutSetsThroughTheChat() throws IOException {
        adminToken = Tokens.of("admin", "EVAL-ADMIN");
        QuestionTally devQuestions = new QuestionTally(false);
        OpeningTally devOpenings = new OpeningTally(false);
        Column traditional = new Column(TRADITIONAL.label(), new QuestionTally(false), new OpeningTally(false));
        List<Column> columns = new ArrayList<>(List.of(new Column("dev", devQuestions, devOpenings), traditional));
        for (HeldOut h : HELD_OUT) {
            columns.add(new Column(h.label(), new QuestionTally(h.blind()), new OpeningTally(h.blind())));
        }

        // Everything needing the shipped knowledge base first: the switches below cannot be undone cheaply.
        runQuestions("dev questions", DEV_QUESTIONS, devQuestions, null, null);
        runQuestions(TRADITIONAL.label() + " questions", TRADITIONAL.questions(), traditional.questions(), null, null);
        runOpenings("dev openings", DEV_OPENINGS, DEV_ORDERS, devOpenings, false);
        runOpenings(TRADITIONAL.label() + " openings", TRADITIONAL.openings(), TRADITIONAL.orders(), traditional.openings(), true);
        for (int i = 0; i < HELD_OUT.size(); i++) {
            HeldOut h = HELD_OUT.get(i);
            runOpenings(h.label() + " openings", h.openings(), h.orders(), columns.get(i + FIRST_HELD_OUT).openings(), true);
        }
        for (int i = 0; i < HELD_OUT.size(); i++) {
            HeldOut h = HELD_OUT.get(i);
            List<ArticleData> kb = switchKnowledgeBase(h);
            if (kb != null) {
                runQuestions(h.label() + " questions", h.questions(), columns.get(i + FIRST_HELD_OUT).questions(),
                        kb.stream().map(ArticleData::id).collect(Collectors.toSet()), h.knowledgeBase());
            }
        }

        int errors = columns.stream().mapToInt(c -> c.questions().errors + c.openings().errors).sum();
        if (errors > 0) {
            notes.add(errors + " case(s) ended in an error or timeout instead of a reply (counted as misses)");
        }
        if (renamedOrders > 0) {
            notes.add(renamedOrders + " order(s) created under a suffixed id because the file's id was taken");
        }
        for (int i = 0; i < HELD_OUT.size(); i++) {
            if (HELD_OUT.get(i).blind()) {
                notes.add("targets of the issue on " + HELD_OUT.get(i).label() + ": "
                        + targets(columns.get(i + FIRST_HELD_OUT).questions(), columns.get(i + FIRST_HELD_OUT).openings()));
            }
        }
        String report = ChatEvalReport.render(columns, notes);
        System.out.println("\n" + report);
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, report, StandardCharsets.UTF_8);

        assertSanity(); // missing or short files make the figures meaningless
        assertFloors("dev", DEV_FLOORS, devQuestions, devOpenings);
        assertFloors(TRADITIONAL.label(), TRADITIONAL.floors(), traditional.questions(), traditional.openings());
        for (int i = 0; i < HELD_OUT.size(); i++) {
            assertFloors(HELD_OUT.get(i).label(), HELD_OUT.get(i).floors(), columns.get(i + FIRST_HELD_OUT).questions(), columns.get(i + FIRST_HELD_OUT).openings());
        }
    }

    // ---------------------------------------------------------------- the sets

    /**
     * @param knownIds article ids the expected ids must come from (held-out set), or null to skip that check
     * @param kb where those articles came from, for the problem report
     */
    private void runQuestions(String label, Path file, QuestionTally tally, Set<String> knownIds, Path kb) {
        DevSet set = load(label, file, () -> DevSet.load(file), DevSet::cases);
        if (set == null) {
            return;
        }
        if (knownIds != null) {
            long unknown = set.cases().stream().filter(c -> c.answerable() && !knownIds.contains(c.expected())).count();
            if (unknown > 0) {
                problems.add(file + ": " + unknown + " expected article id(s) not in " + kb);
            }
        }
        long start = System.nanoTime();
        for (DevSet.Case c : set.cases()) {
            tally.add(c, firstReply(Ws.uniqueCustomer("EVQ"), c.question()));
        }
        timing(label, set.cases().size(), start);
    }

    private void runOpenings(String label, Path openingsFile, Path ordersFile, OpeningTally tally, boolean heldOut) {
        if (!heldOut && !(Files.exists(openingsFile) && Files.exists(ordersFile))) {
            // being written by someone else: the run goes on without it
            notes.add(label + " skipped: " + openingsFile + " or " + ordersFile + " is missing");
            return;
        }
        if (heldOut && !Files.exists(ordersFile)) {
            caseCounts.put(openingsFile, -1);
            notes.add(label + " not run: " + ordersFile + " is missing");
            return;
        }
        OpeningSet set = load(label, openingsFile, () -> OpeningSet.load(openingsFile, ordersFile), OpeningSet::openings);
        if (set == null) {
            return;
        }
        problems.addAll(set.problems());
        long start = System.nanoTime();
        for (OpeningSet.Opening opening : set.openings()) {
            String shopper = Ws.uniqueCustomer("EVO");
            Observation o;
            try {
                opening.orderIds().forEach(id -> createOrder(set.orders().get(id), shopper));
                o = firstReply(shopper, opening.message());
            } catch (RuntimeException | AssertionError e) {
                o = Observation.failed("creating orders: " + brief(e));
            }
            String category = opening.expected().sku() == null ? null : set.categoryOf(opening, opening.expected().sku());
            tally.add(opening, o, opening.expected().reachedBy(o, category));
        }
        timing(label, set.openings().size(), start);
    }

    /**
     * Loads a file, recording its case count; a missing or unreadable file is noted (the set is not run)
     * and counted as missing, so the sanity check fails for it.
     */
    private <T> T load(String label, Path file, Supplier<T> loader, Function<T, List<?>> cases) {
        if (!Files.exists(file)) {
            caseCounts.put(file, -1);
            notes.add(label + " not run: " + file + " is missing");
            return null;
        }
        try {
            T set = loader.get();
            caseCounts.put(file, cases.apply(set).size());
            return set;
        } catch (RuntimeException e) {
            caseCounts.put(file, -1);
            notes.add(label + " not run: " + file + " cannot be read (" + brief(e) + ")");
            return null;
        }
    }

    private void timing(String label, int cases, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        notes.add(String.format(Locale.ROOT, "%s: %d cases in %.0f s", label, cases, seconds));
    }

    // ---------------------------------------------------------------- driving one shopper

    /**
     * Connects as the shopper, takes the greeting, sends the text and returns the first reply after the
     * ack, with the handoff that follows it. The handoff is awaited (up to {@link #HANDOFF_WAIT}) only
     * when the reply has neither citations nor quick replies: an answer or a question to the shopper is
     * not followed by one, and waiting after each would add minutes to the run.
     */
    private Observation firstReply(String shopper, String text) {
        try (ChatClient c = ChatClient.connect(http, Ws.ws(base), "/ws/chat", Tokens.shopper(shopper))) {
            JsonNode greeting = await(c, "reply", ChatClient.WAIT);
            if (!isType(greeting, "reply")) {
                return Observation.failed(failure(greeting, "greeting"));
            }
            ObjectNode frame = JSON.createObjectNode().put("type", "message").put("id", "eval-" + MESSAGE_IDS.incrementAndGet())
                    .put("text", text);
            frame.putArray("attachments");
            c.send(frame);
            JsonNode ack = await(c, "ack", ChatClient.WAIT);
            if (!isType(ack, "ack")) {
                return Observation.failed(failure(ack, "ack"));
            }
            JsonNode reply = await(c, "reply", ChatClient.WAIT);
            if (!isType(reply, "reply")) {
                return Observation.failed(failure(reply, "reply"));
            }
            JsonNode handoff = null;
            if (reply.path("citations").isEmpty() && reply.path("quickReplies").isEmpty()) {
                JsonNode next = await(c, "handoff", HANDOFF_WAIT);
                handoff = isType(next, "handoff") ? next : null;
            }
            return new Observation(reply, handoff, null);
        } catch (RuntimeException | AssertionError e) {
            return Observation.failed(brief(e));
        }
    }

    /** The next frame of the type, or an error frame, or null after the wait; other frames are skipped. */
    private static JsonNode await(ChatClient c, String type, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        for (long left = within.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            JsonNode n = c.poll(Duration.ofNanos(left));
            if (n != null && (isType(n, type) || isType(n, "error"))) {
                return n;
            }
        }
        return null;
    }

    private static boolean isType(JsonNode frame, String type) {
        return frame != null && type.equals(frame.path("type").asText());
    }

    private static String failure(JsonNode frame, String waitingFor) {
        return frame == null ? "no " + waitingFor + " within the wait" : frame.path("code").asText("error");
    }

    private static String brief(Throwable e) {
        String m = e.getClass().getSimpleName() + ": " + e.getMessage();
        return m.length() <= 120 ? m : m.substring(0, 120) + "…";
    }

    /**
     * Creates the order for this shopper, delivered the given hours ago. It keeps the file's order id when
     * it is still free, because some messages quote their order number; order ids are unique in the store,
     * so when an earlier case (or a demo order) already has it, the shopper id is appended.
     */
    private void createOrder(OpeningSet.TestOrder order, String shopper) {
        if (createdOrderIds.add(order.id()) && postOrder(order, order.id(), shopper) == 201) {
            return;
        }
        renamedOrders++;
        int status = postOrder(order, order.id() + "-" + shopper, shopper);
        if (status != 201) {
            throw new IllegalStateException("POST /api/admin/orders answered " + status);
        }
    }

    /** Posts the order under the given id; returns the HTTP status. */
    private int postOrder(OpeningSet.TestOrder order, String orderId, String shopper) {
        ObjectNode body = JSON.createObjectNode().put("orderId", orderId).put("customerId", shopper)
                .put("category", order.category()).put("status", "delivered")
                .put("deliveredAt", OffsetDateTime.now().minusSeconds(Math.round(order.hoursSinceDelivery() * 3600)).toString());
        var items = body.putArray("items");
        for (OpeningSet.Item i : order.items()) {
            ObjectNode item = items.addObject().put("sku", i.sku()).put("name", i.name()).put("qty", i.qty()).put("price", i.price())
                    .put("custom", i.custom());
            if (i.currentPrice() != null) {
                item.put("currentPrice", i.currentPrice());
            }
        }
        return given().auth().oauth2(adminToken).contentType("application/json").body(body.toString())
                .post("/api/admin/orders").statusCode();
    }

    // ---------------------------------------------------------------- the knowledge-base switch

    /**
     * Replaces every article with the held-out set's knowledge base through the editors' API (what an
     * editor would do), and checks the result. Returns the held-out articles, or null when there are none.
     */
    private List<ArticleData> switchKnowledgeBase(HeldOut h) throws IOException {
        List<ArticleData> articles;
        try {
            articles = ArticleFiles.load(h.knowledgeBase());
        } catch (RuntimeException e) {
            notes.add(h.label() + " questions not run: " + h.knowledgeBase() + " cannot be read (" + brief(e) + ")");
            caseCounts.put(h.questions(), -1);
            return null;
        }
        if (articles.isEmpty()) {
            notes.add(h.label() + " questions not run: no articles in " + h.knowledgeBase());
            caseCounts.put(h.questions(), -1);
            return null;
        }
        long start = System.nanoTime();
        String editor = Tokens.of("editor", "EVAL-EDITOR");
        int deleted = 0;
        try {
            JsonNode[] before = given().auth().oauth2(editor).queryParam("limit", 200).get("/api/kb/articles").then().statusCode(200).extract().as(JsonNode[].class);
            for (JsonNode a : before) {
                given().auth().oauth2(editor).delete("/api/kb/articles/" + a.path("id").asText()).then().statusCode(204);
                deleted++;
            }
            for (ArticleData a : articles) {
                given().auth().oauth2(editor).contentType("application/json").body(JSON.writeValueAsString(a))
                        .post("/api/kb/articles").then().statusCode(201);
            }
            int now = given().auth().oauth2(editor).queryParam("limit", 200).get("/api/kb/articles").then().statusCode(200).extract().as(JsonNode[].class).length;
            if (now != articles.size()) {
                throw new IllegalStateException("the knowledge base holds " + now + " articles, not " + articles.size());
            }
        } catch (RuntimeException | AssertionError e) {
            // not an assertion here: the figures measured so far are still printed, then the targets fail
            problems.add("knowledge-base switch failed: " + brief(e));
            notes.add(h.label() + " questions not run: the knowledge-base switch failed");
            return null;
        }
        notes.add(String.format(Locale.ROOT, "knowledge base switched to %s: %d articles deleted, %d created in %.0f s",
                h.label(), deleted, articles.size(), (System.nanoTime() - start) / 1e9));
        if (Files.exists(h.knowledgeBase().resolve("synonyms.txt"))) {
            notes.add("the held-out synonyms.txt is not applied (the editors' API has no synonyms); the shipped synonyms stay in force");
        }
        return articles;
    }

    // ---------------------------------------------------------------- assertions

    /** Each file is there and has enough cases, and every line could be read. */
    private void assertSanity() {
        assertAll("eval files", caseCounts.entrySet().stream().map(e -> (Executable) () -> assertTrue(e.getValue() >= MIN_CASES,
                e.getKey() + ": " + (e.getValue() < 0 ? "missing or unreadable" : e.getValue() + " cases, fewer than " + MIN_CASES))));
        assertTrue(problems.isEmpty(), "problems in the eval files:\n" + String.join("\n", problems));
    }

    /** The targets on the held-out sets (NaN, when a set was not run, fails each comparison). */
    private static String targets(QuestionTally q, OpeningTally o) {
        return String.join("; ",
                mark("answered correctly " + percent(q.correctShare()) + " (≥ " + percent(TARGETS.correct()) + ")", q.correctShare() >= TARGETS.correct()),
                mark("answered wrongly " + percent(q.wrongShare()) + " (≤ " + percent(TARGETS.wrong()) + ")", q.wrongShare() <= TARGETS.wrong()),
                mark("unanswerable answered " + percent(q.unanswerableAnsweredShare()) + " (≤ " + percent(TARGETS.unanswerableAnswered()) + ")",
                        q.unanswerableAnsweredShare() <= TARGETS.unanswerableAnswered()),
                mark("openings reached " + percent(o.reachedShare()) + " (≥ " + percent(TARGETS.openingsReached()) + ")",
                        o.reachedShare() >= TARGETS.openingsReached()));
    }

    private static String mark(String figure, boolean met) {
        return figure + (met ? " met" : " MISSED");
    }

    private void assertFloors(String set, Figures floors, QuestionTally questions, OpeningTally openings) {
        assertAll(set + " regression floors",
                () -> assertTrue(questions.correctShare() >= floors.correct(),
                        set + ": answered correctly " + percent(questions.correctShare()) + ", floor " + percent(floors.correct())),
                () -> assertTrue(questions.wrongShare() <= floors.wrong(),
                        set + ": answered wrongly " + percent(questions.wrongShare()) + ", at most " + percent(floors.wrong())),
                () -> assertTrue(questions.unanswerableAnsweredShare() <= floors.unanswerableAnswered(),
                        set + ": unanswerable answered " + percent(questions.unanswerableAnsweredShare()) + ", at most "
                                + percent(floors.unanswerableAnswered())),
                () -> assertTrue(openings.reachedShare() >= floors.openingsReached(),
                        set + ": openings reached " + percent(openings.reachedShare()) + ", floor " + percent(floors.openingsReached())));
    }


    private static String percent(double share) {
        return Double.isNaN(share) ? "n/a (not run)" : String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }
}
