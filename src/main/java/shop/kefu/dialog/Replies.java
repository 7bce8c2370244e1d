package shop.kefu.dialog;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import shop.kefu.common.DataFiles;

/**
 * Reply templates from prompts/replies.properties (UTF-8), so staff can reword the bot without a code
 * change. Placeholders are written {name}. Lists are separated by '|'.
 */
@ApplicationScoped
public class Replies {

    static final String FILE = "replies.properties";

    @Inject
    PromptsConfig prompts;

    private volatile Properties templates;

    /**
     * A staff copy of replies.properties written before a release added keys still works: each key
     * missing from it is taken from the packaged copy (canned replies and LLM prompts are read whole,
     * since a deleted canned reply must stay deleted).
     */
    @PostConstruct
    void load() {
        Properties packaged = parse(DataFiles.packaged("prompts/" + FILE).orElse(""));
        Properties staff = new Properties(packaged);
        staff.putAll(read(prompts.dir(), FILE));
        templates = staff;
    }

    /** Reads a file of the prompts folder, falling back to the copy packaged in the jar. */
    public static Properties read(String dir, String name) {
        return parse(DataFiles.read(Path.of(dir, name), "prompts/" + name));
    }

    private static Properties parse(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    public String text(String key) {
        return text(key, Map.of());
    }

    public String text(String key, Map<String, ?> values) {
        String t = templates.getProperty(key);
        if (t == null) {
            throw new IllegalArgumentException("No reply template '" + key + "' in " + Path.of(prompts.dir(), FILE));
        }
        for (var e : values.entrySet()) {
            t = t.replace("{" + e.getKey() + "}", String.valueOf(e.getValue()));
        }
        return t;
    }

    public List<String> list(String key) {
        return Arrays.stream(text(key).split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
