package shop.kefu.knowledge;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Reads the knowledge-base folder: one Markdown file per article, with front matter
 * ({@code id, category, title, questions} as a list, {@code tags} as {@code [a, b]}) and the answer as body.
 * Every problem names the file and line.
 */
public final class ArticleFiles {

    private ArticleFiles() {
    }

    public static class InvalidArticleException extends RuntimeException {
        public InvalidArticleException(String message) {
            super(message);
        }
    }

    public static List<ArticleData> load(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<ArticleData> out = new ArrayList<>();
        Map<String, Path> seen = new HashMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                ArticleData a = parse(f, Files.readString(f, StandardCharsets.UTF_8));
                Path before = seen.put(a.id(), f);
                if (before != null) {
                    throw new InvalidArticleException(f + ":2: id '" + a.id() + "' is also used by " + before);
                }
                out.add(a);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the knowledge base in " + dir.toAbsolutePath(), e);
        }
        return out;
    }

    static ArticleData parse(Path file, String text) {
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        if (lines.length == 0 || !lines[0].strip().equals("---")) {
            throw new InvalidArticleException(file + ":1: expected front matter starting with '---'");
        }
        Map<String, String> fields = new HashMap<>();
        List<String> questions = new ArrayList<>();
        String listKey = null;
        int i = 1;
        for (; i < lines.length; i++) {
            String line = lines[i];
            if (line.strip().equals("---")) {
                break;
            }
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            if (line.startsWith(" ") && line.strip().startsWith("- ")) {
                if (!"questions".equals(listKey)) {
                    throw new InvalidArticleException(file + ":" + (i + 1) + ": list item outside 'questions:'");
                }
                questions.add(unquote(line.strip().substring(2)));
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new InvalidArticleException(file + ":" + (i + 1) + ": expected 'key: value'");
            }
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (!List.of("id", "category", "title", "questions", "tags").contains(key)) {
                throw new InvalidArticleException(file + ":" + (i + 1) + ": unknown key '" + key + "'");
            }
            listKey = value.isEmpty() ? key : null;
            fields.put(key, value);
        }
        if (i >= lines.length) {
            throw new InvalidArticleException(file + ": front matter is not closed with '---'");
        }
        String body = String.join("\n", Arrays.copyOfRange(lines, i + 1, lines.length)).strip();
        List<String> tags = new ArrayList<>();
        String t = fields.getOrDefault("tags", "");
        if (!t.isEmpty()) {
            if (!t.startsWith("[") || !t.endsWith("]")) {
                throw new InvalidArticleException(file + ": tags must be written [a, b, c]");
            }
            for (String tag : t.substring(1, t.length() - 1).split(",")) {
                tags.add(unquote(tag.strip()));
            }
        }
        ArticleData a = new ArticleData(unquote(fields.get("id")), unquote(fields.get("category")),
                unquote(fields.get("title")), questions, body, tags);
        if (!a.problems().isEmpty()) {
            throw new InvalidArticleException(file + ": " + String.join("; ", a.problems()));
        }
        return a;
    }

    private static String unquote(String s) {
        if (s != null && s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    /**
     * The article as a file of the folder, in the format {@link #parse} reads (what an export writes, so
     * that an exported folder imports back unchanged). Its path in the folder: {@code category/id.md}.
     */
    public static String write(ArticleData a) {
        StringBuilder out = new StringBuilder("---\n");
        out.append("id: ").append(a.id()).append('\n');
        out.append("category: ").append(a.category()).append('\n');
        out.append("title: ").append(a.title()).append('\n');
        out.append("questions:\n");
        a.questions().forEach(q -> out.append("  - ").append(q).append('\n'));
        out.append("tags: [").append(String.join(", ", a.tags())).append("]\n");
        out.append("---\n").append(a.answer().strip()).append('\n');
        return out.toString();
    }

    /** The path of the article's file in the folder. */
    public static String path(ArticleData a) {
        return a.category() + "/" + a.id() + ".md";
    }

    /** The articles as the folder's files ({@code category/id.md}), zipped: what {@link #unzip} reads back. */
    public static byte[] zip(List<ArticleData> articles) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (ArticleData a : articles) {
                zip.putNextEntry(new ZipEntry(path(a)));
                zip.write(write(a).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The articles of a zip of the folder (its .md files), each problem naming the entry and line. */
    public static List<ArticleData> unzip(byte[] zip, int maxEntries, long maxBytes) {
        List<ArticleData> out = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        long total = 0;
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                if (++entries > maxEntries) {
                    throw new InvalidArticleException("The zip holds more than " + maxEntries + " entries.");
                }
                if (e.isDirectory() || !e.getName().endsWith(".md")) {
                    continue;
                }
                // read by hand against the limit: a small zip may inflate to gigabytes
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                byte[] chunk = new byte[8192];
                for (int n; (n = in.read(chunk)) > 0;) {
                    total += n;
                    if (total > maxBytes) {
                        throw new InvalidArticleException("The zip's files hold more than " + maxBytes + " bytes.");
                    }
                    buf.write(chunk, 0, n);
                }
                ArticleData a = parse(Path.of(e.getName()), buf.toString(StandardCharsets.UTF_8));
                String before = seen.put(a.id(), e.getName());
                if (before != null) {
                    throw new InvalidArticleException(e.getName() + ":2: id '" + a.id() + "' is also used by " + before);
                }
                out.add(a);
            }
        } catch (IOException e) {
            throw new InvalidArticleException("The upload is not a readable zip: " + e.getMessage());
        }
        if (out.isEmpty()) { // also what a body that is no zip at all reads as
            throw new InvalidArticleException("The upload is not a zip of article files (category/id.md): none found.");
        }
        return out;
    }
}
