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
            List<String> own = readings("as is", base, examples, embedder, vectors, lines, null);
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
    private static List<String> readings(String variant, Reader.Training training, String examples, Embedder embedder,
            Map<String, float[]> vectors, List<Reader.Example> lines, List<String> own) {
        long start = System.nanoTime();
        Reader reader = Reader.load(file -> file.equals("examples.tsv") ? examples : Probe.shipped(file),
                texts -> texts.stream().map(t -> vectors.computeIfAbsent(t, embedder)).toList(), training);
        long ms = (System.nanoTime() - start) / 1_000_000;
        List<String> out = new ArrayList<>();
        int intent = 0, claims = 0, all = 0;
        for (Reader.Example x : lines) {
            Reading r = reader.read(x.text(), vectors.computeIfAbsent(x.text(), embedder));
            out.add(r.intent() + "/" + r.kind() + "/" + r.reason() + "/" + r.unused());
            boolean right = r.intent().name().equalsIgnoreCase(x.intent());
            intent += right ? 1 : 0;
            if ("aftersales".equals(x.intent())) {
                claims++;
                all += right && Reader.toReason(x.reason()) == r.reason() && Reader.toKind(x.kind()) == r.kind() ? 1 : 0;
            }
        }
        System.out.printf(Locale.ROOT, "  %-18s trained in %4d ms: intent %d/%d, after-sales all three %d/%d%s%n", variant, ms, intent,
                lines.size(), all, claims, own == null ? "" : ", readings moved " + differ(own, out) + " of " + lines.size());
        return out;
    }

    private static int differ(List<String> a, List<String> b) {
        int n = 0;
        for (int i = 0; i < a.size(); i++) {
            n += a.get(i).equals(b.get(i)) ? 0 : 1;
        }
        return n;
    }
}
