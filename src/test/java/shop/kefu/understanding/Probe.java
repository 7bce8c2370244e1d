package shop.kefu.understanding;

import java.nio.file.Files;
import java.nio.file.Path;

import shop.kefu.knowledge.Embedder;

/** Trains the reader from the shipped files without Quarkus (tests and the probe command share it). */
public final class Probe {
    private Probe() {
    }

    public static Reader reader(Embedder embedder) {
        return Reader.load(Probe::shipped, texts -> texts.stream().map(embedder).toList());
    }

    /** A file of the shipped knowledge-base/understanding/. */
    static String shipped(String file) {
        try {
            return Files.readString(Path.of("knowledge-base/understanding").resolve(file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static void main(String[] args) throws Exception {
        Embedder e = new Embedder();
        long t = System.nanoTime();
        Reader r = reader(e);
        System.out.println("trained in " + (System.nanoTime() - t) / 1_000_000 + " ms");
        for (String s : args.length > 0 ? args : new String[] { "订的牛奶没收到，给我补发", "微波炉坏了，我要换货", "螃蟹到了不动了",
                "沙发颜色跟图片不一样，想退", "水壶烧水有塑料味，能换吗", "我买的电视现在降价两百，能补差价吗", "东西是好的，就是不想要了",
                "不是质量问题，就是颜色不喜欢", "退掉算了", "草莓烂了怎么办", "冰箱不制冷", "退款好几天了还没到账" }) {
            String text = s.replace('_', ' '); // arguments split on spaces: write a space in a message as _
            System.out.println(text + " => " + r.read(text, e.apply(Reader.embedded(text))));
        }
        if (Boolean.getBoolean("probe.timing")) {
            String q = "草莓买多了吃不完咋办";
            float[] v = e.apply(q);
            java.util.List<shop.kefu.aftersales.Order> none = java.util.List.of();
            for (int round = 0; round < 3; round++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < 2000; i++) {
                    r.read(q, v);
                }
                long t1 = System.nanoTime();
                for (int i = 0; i < 2000; i++) {
                    ItemMatcher.match(q, none, r.lexicon(), null);
                }
                long t2 = System.nanoTime();
                System.out.printf("read %.1f us, match %.1f us%n", (t1 - t0) / 2000e3, (t2 - t1) / 2000e3);
            }
        }
    }
}
