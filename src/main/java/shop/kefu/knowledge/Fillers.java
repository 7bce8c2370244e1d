package shop.kefu.knowledge;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Words around a question that ask nothing of an article (knowledge-base/fillers.txt: greetings,
 * politeness, prefaces such as "想咨询一下"). {@link AspectMatch} leaves their tokens out: otherwise a
 * polite question reads as one about something the article never mentions, and is asked about instead
 * of answered. A short, closed class of words, so a list: the signal itself stays learned.
 */
public record Fillers(List<String> phrases) {

    public static final Fillers NONE = new Fillers(List.of());

    /** Comma- or line-separated phrases; lines starting with # are comments. */
    public static Fillers parse(String text) {
        List<String> phrases = text.lines().filter(l -> !l.strip().startsWith("#"))
                .flatMap(l -> Arrays.stream(l.split("[,，]")))
                .map(String::strip).filter(p -> !p.isEmpty()).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        return new Fillers(phrases);
    }

    /** Which characters of the text belong to a filler phrase. */
    boolean[] mask(String text) {
        boolean[] out = new boolean[text.length()];
        for (String p : phrases) {
            for (int at = text.indexOf(p); at >= 0; at = text.indexOf(p, at + p.length())) {
                Arrays.fill(out, at, at + p.length(), true);
            }
        }
        return out;
    }
}
