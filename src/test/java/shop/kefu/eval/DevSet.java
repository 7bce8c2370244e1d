package shop.kefu.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** eval/dev.tsv: expected article id (or "-" when unanswerable) TAB question. */
public record DevSet(List<Case> cases) {

    public record Case(String expected, String question) {
        public boolean answerable() {
            return !"-".equals(expected);
        }
    }

    public DevSet plus(DevSet other) {
        List<Case> all = new ArrayList<>(cases);
        all.addAll(other.cases);
        return new DevSet(all);
    }

    public static DevSet load(Path file) {
        List<Case> cases = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", 2);
                cases.add(new Case(parts[0].strip(), parts[1].strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DevSet(cases);
    }
}
