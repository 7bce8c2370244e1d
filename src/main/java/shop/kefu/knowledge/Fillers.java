package shop.kefu.knowledge;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Words around a question that ask nothing of an article (knowledge-base/fillers.txt: greetings,
 * politeness, prefaces such as "想咨询一下"). {@link AspectMatch} leaves their tokens out: otherwise a
 * polite question reads as one about something the article never mentions, and is asked about instead
 * of answered. A short, closed class of words, so a list: the signal itself stays learned.
 */
public record Fillers(List<String> phrases, Set<String> askedAbout) {

    public static final Fillers NONE = new Fillers(List.of(), Set.of());
    /**
     * Marks a filler that a question may also ask about ("怎么联系 客服", "客服 几点下班"): {@link #trim}
     * never cuts it off, while the aspect match still leaves it out, as it does every filler. Full-width ＊
     * too, as a Chinese input method types it.
     */
    private static final String ASKED_ABOUT = "[*＊]$";

    /** Comma- or line-separated phrases, * or ＊ after those never cut off; lines starting with # are comments. */
    public static Fillers parse(String text) {
        List<String> written = text.lines().filter(l -> !l.strip().startsWith("#"))
                .flatMap(l -> Arrays.stream(l.split("[,，]")))
                .map(String::strip).filter(p -> !p.isEmpty()).toList();
        Set<String> askedAbout = written.stream().filter(p -> !p.equals(bare(p))).map(Fillers::bare).filter(p -> !p.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        List<String> phrases = written.stream().map(Fillers::bare).filter(p -> !p.isEmpty()).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        return new Fillers(phrases, askedAbout);
    }

    private static String bare(String phrase) {
        return phrase.replaceFirst(ASKED_ABOUT, "").strip();
    }

    /**
     * The question without the filler phrases it starts or ends with, each a part of its own (a space
     * after it at the start, before it at the end: {@link QuestionText} writes separators as spaces):
     * "亲 在吗 草莓怎么放" is searched as "草莓怎么放", and "亲戚送的草莓" and "客服电话是多少" stay whole.
     * The search embeds what is left: addressed as 亲, the dev questions were answered 7 points less often.
     * All of it when nothing but fillers is left.
     */
    String trim(String plain) {
        String t = plain;
        boolean cut = true;
        while (cut) {
            cut = false;
            for (String p : phrases) {
                if (askedAbout.contains(p)) {
                    continue;
                }
                if (t.startsWith(p + " ")) {
                    t = t.substring(p.length()).strip();
                    cut = true;
                } else if (t.endsWith(" " + p)) {
                    t = t.substring(0, t.length() - p.length()).strip();
                    cut = true;
                }
            }
        }
        return t.isEmpty() || phrases.contains(t) ? plain : t; // nothing asked but the fillers: all of it
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
