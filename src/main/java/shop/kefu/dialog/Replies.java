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

    @PostConstruct
    void load() {
        templates = withPackagedDefaults(read(prompts.dir(), FILE));
    }

    /**
     * A staff copy of replies.properties written before a release added keys still works: each key
     * missing from it is taken from the packaged copy (canned replies and LLM prompts are read whole,
     * since a deleted canned reply must stay deleted).
     */
    private static Properties withPackagedDefaults(Properties staff) {
        Properties packaged = new Properties();
        try (var in = Replies.class.getClassLoader().getResourceAsStream("prompts/" + FILE)) {
            if (in != null) {
                packaged.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Properties merged = new Properties();
        merged.putAll(packaged);
        merged.putAll(staff);
        return merged;
    }

    /** Reads a file of the prompts folder, falling back to the copy packaged in the jar. */
    public static Properties read(String dir, String name) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(DataFiles.read(Path.of(dir, name), "prompts/" + name)));
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
