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
 */
public final class Synonyms {

    private final List<List<String>> groups;

    public Synonyms(List<List<String>> groups) {
        this.groups = List.copyOf(groups);
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
        List<List<String>> groups = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String[] p = line.split("\t");
            if (line.startsWith("#") || p.length != 4 || "-".equals(p[2].strip())) {
                continue; // comments, and the broad types (水果, 家电), which would expand to everything
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
        return new Synonyms(groups);
    }

    public Synonyms plus(Synonyms other) {
        List<List<String>> all = new ArrayList<>(groups);
        all.addAll(other.groups);
        return new Synonyms(all);
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
