package shop.kefu.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Staff-editable data files (prompts, intents, policies): the file beside the service when it exists,
 * otherwise the copy packaged in the jar, so the service also runs from any folder.
 */
public final class DataFiles {

    private DataFiles() {
    }

    /** The text of {@code file}, or of the packaged {@code resource} when the file is absent. */
    public static String read(Path file, String resource) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file.toAbsolutePath(), e);
        }
        return packaged(resource)
                .orElseThrow(() -> new IllegalStateException("Missing " + file.toAbsolutePath() + " (and no packaged " + resource + ")"));
    }

    /** The text of the copy packaged in the jar, if there is one. */
    public static java.util.Optional<String> packaged(String resource) {
        try (InputStream in = DataFiles.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? java.util.Optional.empty() : java.util.Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the packaged " + resource, e);
        }
    }
}
