package shop.kefu.support;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/** One reading of /q/metrics (Prometheus text format): series by name and labels. */
public final class Scrape {

    public final String text;
    private final Map<String, Double> values = new HashMap<>();
    private final Set<String> names = new TreeSet<>();

    private Scrape(String text) {
        this.text = text;
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            String series = line.substring(0, space);
            int brace = series.indexOf('{');
            String name = brace < 0 ? series : series.substring(0, brace);
            names.add(name);
            values.put(key(name, brace < 0 ? Map.of() : labels(series.substring(brace + 1, series.lastIndexOf('}')))),
                    Double.parseDouble(line.substring(space + 1)));
        }
    }

    public static Scrape now() {
        return new Scrape(given().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    /**
     * The first scrape within ten seconds that shows {@code what}, for figures that are not final when
     * the test sees the reply: a turn's latency (and a rating) is recorded once its reply is stored,
     * which is also when the reply is pushed, so a scrape right after the reply can come first; and the
     * queue figures are read from the database on a schedule (1 s in tests).
     */
    public static Scrape await(String what, Predicate<Scrape> ready) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Scrape s = now();
        while (!ready.test(s) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            s = now();
        }
        assertTrue(ready.test(s), "/q/metrics did not show " + what + ":\n" + s.text);
        return s;
    }

    /** Every sample name in the scrape (histograms give _bucket, _count, _sum and _max). */
    public Set<String> names() {
        return names;
    }

    /** The series' value, 0 when absent; labels as name, value pairs. */
    public double value(String name, String... labels) {
        Map<String, String> wanted = new TreeMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        return values.getOrDefault(key(name, wanted), 0.0);
    }

    private static Map<String, String> labels(String inside) {
        Map<String, String> out = new TreeMap<>();
        int i = 0;
        while (i < inside.length()) {
            int eq = inside.indexOf('=', i);
            int start = inside.indexOf('"', eq) + 1;
            int end = start;
            while (inside.charAt(end) != '"' || inside.charAt(end - 1) == '\\') {
                end++;
            }
            out.put(inside.substring(i, eq).strip(), inside.substring(start, end));
            i = end + 1;
            while (i < inside.length() && (inside.charAt(i) == ',' || inside.charAt(i) == ' ')) {
                i++;
            }
        }
        return out;
    }

    private static String key(String name, Map<String, String> labels) {
        return name + new TreeMap<>(labels);
    }
}
