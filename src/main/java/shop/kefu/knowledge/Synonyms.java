package shop.kefu.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Groups of words shoppers use for the same thing (烂了/坏了/变质). A question containing one word of a
 * group also searches for the others. Substring matching, because Chinese has no spaces to split on.
 *
 * <p>Product words also know what is broader than them, at any depth (牛排 under 肉, 书桌 under 家具): an article
 * about the broader thing covers a question about the narrower one, which {@link #covering} tells the
 * confidence model. Broader words never expand a search: 家具 would search for every piece.
 */
public final class Synonyms {

    private final List<List<String>> groups;
    private final List<Narrower> narrower;

    /** Words (a product type and its names) that an article speaking of any {@code broader} word covers. */
    private record Narrower(List<String> broader, List<String> words) {
    }

    /** The word each category of the product lexicon is spoken of by in articles ("家具送到时有破损"). */
    private static final java.util.Map<String, String> CATEGORY_WORDS = java.util.Map.of("fresh", "生鲜", "appliance", "家电",
            "furniture", "家具");

    public Synonyms(List<List<String>> groups) {
        this(groups, List.of());
    }

    private Synonyms(List<List<String>> groups, List<Narrower> narrower) {
        this.groups = List.copyOf(groups);
        this.narrower = List.copyOf(narrower);
    }

    public static Synonyms none() {
        return new Synonyms(List.of());
    }

    /** Reads one group per line, comma-separated ('，' too); '#' starts a comment. */
    public static Synonyms load(Path file) {
        if (!Files.exists(file)) {
            return none();
        }
        List<List<String>> groups = new ArrayList<>();
        try {
            int n = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                n++;
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                List<String> words = new ArrayList<>();
                for (String w : l.split("[,，]")) {
                    if (!w.isBlank()) {
                        words.add(w.strip());
                    }
                }
                if (words.size() < 2) {
                    throw new IllegalArgumentException(file + ":" + n + ": a synonym group needs at least two words");
                }
                groups.add(words);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file.toAbsolutePath(), e);
        }
        return new Synonyms(groups);
    }

    /**
     * Product words as synonym groups: the words of each product type of the understanding's lexicon
     * ({@code category<TAB>type<TAB>parent<TAB>word, …}), so "洋柿子" also searches for 西红柿 and 番茄.
     * One-character words are left out: as substrings they would match too much.
     */
    public static Synonyms products(String text) {
        List<String[]> rows = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String[] p = line.split("\t");
            if (!line.startsWith("#") && p.length == 4) {
                rows.add(p);
            }
        }
        java.util.Map<String, String> parents = new java.util.HashMap<>();
        rows.forEach(p -> parents.putIfAbsent(p[1].strip(), p[2].strip()));
        List<List<String>> groups = new ArrayList<>();
        List<Narrower> narrower = new ArrayList<>();
        for (String[] p : rows) {
            List<String> names = new ArrayList<>();
            for (String w : (p[1] + "," + p[3]).split("[,，、]")) {
                if (!w.isBlank() && !names.contains(w.strip())) {
                    names.add(w.strip());
                }
            }
            String parent = p[2].strip();
            // every level up: an article on 小家电 covers a toothbrush, listed under 个护电器 under 小家电
            List<String> broader = new ArrayList<>();
            for (String up = parent; !"-".equals(up) && up != null && !broader.contains(up); up = parents.get(up)) {
                broader.add(up);
            }
            String category = CATEGORY_WORDS.get(p[0].strip());
            if (category != null) {
                broader.add(category);
            }
            narrower.add(new Narrower(broader, names));
            if ("-".equals(parent)) {
                continue; // the broad types (水果, 家电) as search synonyms would expand to everything
            }
            List<String> words = new ArrayList<>();
            for (String w : (p[1] + "," + p[3]).split("[,，、]")) {
                String t = w.strip();
                if (t.length() >= 2 && !words.contains(t)) {
                    words.add(t);
                }
            }
            if (words.size() >= 2) {
                groups.add(words);
            }
        }
        return new Synonyms(groups, narrower);
    }

    public Synonyms plus(Synonyms other) {
        List<List<String>> all = new ArrayList<>(groups);
        all.addAll(other.groups);
        List<Narrower> below = new ArrayList<>(narrower);
        below.addAll(other.narrower);
        return new Synonyms(all, below);
    }

    /**
     * The words an article covers beyond its own: the other words of each synonym group its text
     * contains, and the product words under each broader word its title names ("猪肉、牛肉收到后怎么保存"
     * covers 牛排, "家具送到时有破损怎么办" covers 书桌). Only the title counts for broader words: a
     * strawberry article that mentions 水果 is not about every fruit. One-character members are not
     * looked for in the text, as in {@link #expansions}; broader words are (肉 in 猪肉).
     */
    public Set<String> covering(String text, String title) {
        Set<String> out = new LinkedHashSet<>();
        for (List<String> group : groups) {
            if (group.stream().anyMatch(w -> w.length() >= 2 && text.contains(w))) {
                out.addAll(group);
            }
        }
        for (Narrower n : narrower) {
            if (n.broader().stream().anyMatch(title::contains)) {
                out.addAll(n.words());
            }
        }
        return out;
    }

    /** Every name of a product type of the lexicon (the words {@link #products(String)} read). */
    public Set<String> productNames() {
        Set<String> out = new LinkedHashSet<>();
        narrower.forEach(n -> out.addAll(n.words()));
        return out;
    }

    /** The words to search for in addition to the question itself. */
    public Set<String> expansions(String question) {
        Set<String> extra = new LinkedHashSet<>();
        for (List<String> group : groups) {
            if (group.stream().anyMatch(question::contains)) {
                group.stream().filter(w -> !question.contains(w)).forEach(extra::add);
            }
        }
        return extra;
    }
}
