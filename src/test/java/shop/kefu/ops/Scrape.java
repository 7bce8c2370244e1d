package shop.kefu.ops;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** One reading of /q/metrics (Prometheus text format): series by name and labels. */
final class Scrape {

    final String text;
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

    static Scrape now() {
        return new Scrape(given().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    /** Every sample name in the scrape (histograms give _bucket, _count, _sum and _max). */
    Set<String> names() {
        return names;
    }

    /** The series' value, 0 when absent; labels as name, value pairs. */
    double value(String name, String... labels) {
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
