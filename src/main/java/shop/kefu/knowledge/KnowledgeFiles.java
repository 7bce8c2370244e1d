package shop.kefu.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import shop.kefu.common.DataFiles;
import shop.kefu.common.Refusal;

/**
 * The knowledge base's word lists as editors change them from the console: synonyms.txt, dialect.txt and the
 * understanding's lexicons and labelled examples. A save is checked by applying it (synonyms and dialect words re-read
 * into the index, the understanding retrained from the folder); a file that does not read is put back
 * as it was and refused naming its line, so a typo never reaches the running service. Each save names the
 * content it was edited from (its hash): two editors never overwrite each other silently.
 */
@ApplicationScoped
public class KnowledgeFiles {

    /** The files editable here, as paths in the knowledge-base folder. */
    public static final List<String> EDITABLE = List.of("synonyms.txt", "dialect.txt", "understanding/examples.tsv", "understanding/kinds.txt",
            "understanding/markers.txt", "understanding/problems.txt", "understanding/products.txt");
    /** Longest file accepted (the largest shipped, examples.tsv, is far below). */
    private static final int MAX_CHARS = 2_000_000;

    @Inject
    KnowledgeConfig config;
    @Inject
    KnowledgeBase kb;
    @Inject
    Event<FolderImported> imported;

    /** A file's text and the hash a save must name. */
    public record FileText(String path, String text, String hash) {
    }

    public FileText read(String path) {
        String text = DataFiles.read(file(path), "knowledge-base/" + path);
        return new FileText(path, text, KnowledgeBase.hash(text));
    }

    /** Saves and applies the file; {@code expectedHash} null skips the check. */
    public synchronized FileText write(String path, String text, String expectedHash, String by) {
        if (text == null || text.length() > MAX_CHARS) {
            throw Refusal.invalid("invalid_file", "The file must be text of at most " + MAX_CHARS + " characters.");
        }
        Path target = file(path);
        if (!Files.isDirectory(Path.of(config.dir()))) {
            throw Refusal.conflict("no_folder", "The knowledge-base folder " + Path.of(config.dir()).toAbsolutePath() + " does not exist.");
        }
        String before = read(path).text();
        if (expectedHash != null && !expectedHash.equals(KnowledgeBase.hash(before))) {
            throw Refusal.conflict("version_conflict", path + " was changed by someone else since you opened it; reload it and apply your change again.");
        }
        boolean existed = Files.exists(target);
        put(target, text);
        try {
            kb.reload();
            imported.fire(new FolderImported(by)); // the understanding retrains from the folder
        } catch (RuntimeException e) {
            if (existed) {
                put(target, before);
            } else {
                delete(target);
            }
            kb.reload();
            throw e instanceof ArticleFiles.InvalidArticleException ? e : new ArticleFiles.InvalidArticleException(path + ": " + e.getMessage());
        }
        return new FileText(path, text, KnowledgeBase.hash(text));
    }

    private Path file(String path) {
        if (!EDITABLE.contains(path)) {
            throw Refusal.notFound("No editable file '" + path + "'; files: " + String.join(", ", EDITABLE) + ".");
        }
        return Path.of(config.dir()).resolve(path);
    }

    /** Written beside the file and moved over it: a reader never sees half a file. */
    private static void put(Path target, String text) {
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), ".edit", ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path target) {
        try {
            Files.deleteIfExists(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
