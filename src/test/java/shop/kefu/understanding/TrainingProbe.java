package shop.kefu.understanding;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import shop.kefu.knowledge.Embedder;

/**
 * How much the reader's training order moves its readings (docs/understanding.md, "One run or many"): for
 * one SGD run of 30 passes per head (the training until session 17, with other seeds) and for the shipped
 * average of runs, the readings of eval/understanding-dev.tsv under other sets of seeds and with one example
 * line removed, counted against the same training's own readings, with each variant's scores on the file.
 * {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=shop.kefu.understanding.TrainingProbe}
 */
public final class TrainingProbe {
    private TrainingProbe() {
    }

    public static void main(String[] args) throws Exception {
        Embedder embedder = new Embedder();
        Map<String, float[]> vectors = new HashMap<>();
        List<Reader.Example> lines = Reader.parseExamples(Files.readString(Path.of("eval/understanding-dev.tsv")), "eval/understanding-dev.tsv");
        String examples = Probe.shipped("examples.tsv");
        List<Integer> dropped = List.of(100, 400, 700, 1000);
        Reader.parseExamples(examples, "examples.tsv").forEach(x -> vectors.computeIfAbsent(x.text(), embedder)); // outside the timings
        for (Reader.Training base : List.of(new Reader.Training(30, 1, 0), Reader.SHIPPED)) {
            System.out.println(base);
            ReaderScore own = readings("as is", base, examples, embedder, vectors, lines, null);
            for (long seed : List.of(1000L, 2000L)) {
                Reader.Training other = new Reader.Training(base.epochs(), base.runs(), seed);
                readings("seeds +" + seed, other, examples, embedder, vectors, lines, own);
            }
            for (int line : dropped) {
                List<String> kept = new ArrayList<>(List.of(examples.split("\n", -1)));
                kept.remove(line);
                readings("line " + (line + 1) + " removed", base, String.join("\n", kept), embedder, vectors, lines, own);
            }
        }
    }

    /** @param own the readings to count moves against, or null */
    private static ReaderScore readings(String variant, Reader.Training training, String examples, Embedder embedder,
            Map<String, float[]> vectors, List<Reader.Example> lines, ReaderScore own) {
        long start = System.nanoTime();
        Reader reader = Reader.load(file -> file.equals("examples.tsv") ? examples : Probe.shipped(file),
                texts -> texts.stream().map(t -> vectors.computeIfAbsent(t, embedder)).toList(), training);
        long ms = (System.nanoTime() - start) / 1_000_000;
        ReaderScore s = ReaderScore.of(reader, t -> vectors.computeIfAbsent(t, embedder), lines, "eval/understanding-dev.tsv");
        System.out.printf(Locale.ROOT, "  %-18s trained in %4d ms: intent %d/%d, after-sales all three %d/%d%s%n", variant, ms, s.intent(),
                s.lines(), s.all(), s.claims(), own == null ? "" : ", readings moved " + s.moved(own) + " of " + s.lines());
        return s;
    }
}
