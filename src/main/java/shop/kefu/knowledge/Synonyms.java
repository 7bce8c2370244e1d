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
