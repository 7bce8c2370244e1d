package shop.kefu.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An after-sales openings file with the orders file it refers to.
 * <pre>
 * orders:   order_id TAB category TAB hours since delivery TAB sku TAB item name TAB qty TAB unit price TAB custom yes|no TAB current price or -
 * openings: case name TAB order ids (comma-separated) TAB first message TAB expected
 * </pre>
 * Two order lines with the same id are one order with two items. A line that cannot be read is not
 * fatal here: it is listed in {@link #problems()} (file:line: what) and left out, so one typo in a
 * file still being written does not hide every other figure; the harness fails on problems at the end.
 */
record OpeningSet(String name, Map<String, TestOrder> orders, List<Opening> openings, List<String> problems) {

    private static final Set<String> CATEGORIES = Set.of("fresh", "appliance", "furniture");

    record Item(String sku, String name, int qty, BigDecimal price, boolean custom, BigDecimal currentPrice) {
    }

    record TestOrder(String id, String category, double hoursSinceDelivery, List<Item> items) {
    }

    record Opening(String name, List<String> orderIds, String message, OpeningExpectation expected) {
    }

    static OpeningSet load(Path openingsFile, Path ordersFile) {
        List<String> problems = new ArrayList<>();
        Map<String, TestOrder> orders = loadOrders(ordersFile, problems);
        List<Opening> openings = new ArrayList<>();
        List<String> lines = read(openingsFile);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String where = openingsFile + ":" + (i + 1) + ": ";
            String[] f = line.split("\t", -1);
            if (f.length != 4) {
                problems.add(where + "expected 4 tab-separated fields, got " + f.length);
                continue;
            }
            List<String> ids = new ArrayList<>();
            for (String id : f[1].split(",")) {
                if (!id.isBlank() && !"-".equals(id.strip())) {
                    ids.add(id.strip());
                }
            }
            List<String> unknown = ids.stream().filter(id -> !orders.containsKey(id)).toList();
            if (!unknown.isEmpty()) {
                problems.add(where + "unknown order(s) " + unknown);
                continue;
            }
            OpeningExpectation expected;
            try {
                expected = OpeningExpectation.parse(f[3]);
            } catch (IllegalArgumentException e) {
                problems.add(where + e.getMessage());
                continue;
            }
            Opening opening = new Opening(f[0].strip(), List.copyOf(ids), f[2].strip(), expected);
            if (expected.sku() != null && categoryOf(opening, orders, expected.sku()) == null) {
                problems.add(where + "item " + expected.sku() + " is in none of the case's orders"); // kept: it will miss
            }
            openings.add(opening);
        }
        return new OpeningSet(openingsFile.toString(), orders, openings, problems);
    }

    /** Category of the case's order that holds the item, or null. */
    String categoryOf(Opening opening, String sku) {
        return categoryOf(opening, orders, sku);
    }

    private static String categoryOf(Opening opening, Map<String, TestOrder> orders, String sku) {
        for (String id : opening.orderIds()) {
            TestOrder o = orders.get(id);
            if (o.items().stream().anyMatch(i -> i.sku().equals(sku))) {
                return o.category();
            }
        }
        return null;
    }

    private static Map<String, TestOrder> loadOrders(Path file, List<String> problems) {
        Map<String, TestOrder> orders = new LinkedHashMap<>();
        List<String> lines = read(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String where = file + ":" + (i + 1) + ": ";
            String[] f = line.split("\t", -1);
            if (f.length != 9) {
                problems.add(where + "expected 9 tab-separated fields, got " + f.length);
                continue;
            }
            try {
                String id = f[0].strip();
                String category = f[1].strip();
                if (!CATEGORIES.contains(category)) {
                    throw new IllegalArgumentException("unknown category '" + category + "'");
                }
                double hours = Double.parseDouble(f[2].strip());
                String custom = f[7].strip();
                if (!custom.equals("yes") && !custom.equals("no")) {
                    throw new IllegalArgumentException("custom must be yes or no");
                }
                String current = f[8].strip();
                Item item = new Item(f[3].strip(), f[4].strip(), Integer.parseInt(f[5].strip()), new BigDecimal(f[6].strip()),
                        custom.equals("yes"), current.isEmpty() || current.equals("-") ? null : new BigDecimal(current));
                TestOrder before = orders.get(id);
                if (before == null) {
                    orders.put(id, new TestOrder(id, category, hours, new ArrayList<>(List.of(item))));
                } else if (!before.category().equals(category) || before.hoursSinceDelivery() != hours) {
                    throw new IllegalArgumentException("order " + id + " repeated with another category or delivery time");
                } else {
                    before.items().add(item);
                }
            } catch (IllegalArgumentException e) { // NumberFormatException included
                problems.add(where + e.getMessage());
            }
        }
        return orders;
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
