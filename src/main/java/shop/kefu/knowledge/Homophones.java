package shop.kefu.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import net.sourceforge.pinyin4j.PinyinHelper;

/**
 * Shoppers type with pinyin input methods, and a product word often comes out as another character of
 * the same sound: 洗晚机 for 洗碗机, 然气灶 for 燃气灶, 加湿气 for 加湿器, 咸鸭旦 for 咸鸭蛋. Neither the search's words and
 * bigrams nor the understanding's product words find those, so the message reads as being about nothing.
 * This puts the word back before anything reads the message.
 *
 * <p>A span of three or four characters is read as a vocabulary word (the lexicon's product names and the
 * articles' tags) only when all of these hold, so that a word the shopper meant is not rewritten:
 * <ul>
 * <li>it differs from the word in exactly one character, which has the same usual sound, tone included:
 * an input method keeps the rest of the word, and offers characters of the syllable typed (套子 is no
 * slip for 桃子);
 * <li>that character is not a function word ({@link #FUNCTION});
 * <li>the span is no word of its own: not a vocabulary word, not a word of any article ({@code known}),
 * not one to the segmenter's dictionary, and it cuts through no word the segmenter reads in the message;
 * <li>exactly one vocabulary word fits.
 * </ul>
 * A vocabulary word found as typed is kept whole ("天然气灶" holds no slip for 燃气灶). Shorter words are
 * left alone ({@link #SHORTEST}).
 */
public final class Homophones {

    /**
     * Words of three characters and more: a slip in one of them leaves two characters that say which word
     * was meant. In a word of two, one character kept is no evidence: everyday words lie one sound away
     * from a two-character product name (高点 from 糕点, 每早 from 美早, 查几 from 茶几, 白瞎 from 白虾), and a
     * stranger's review found 35 of 39 such rewrites of ordinary sentences wrong.
     */
    private static final int SHORTEST = 3;
    private static final int LONGEST = 4;
    /** Every word, stop words too: a span that cuts through "多久" or "早饭" is no slip (see {@link #splitsAWord}). */
    private static final Analyzer SEGMENTER = new SmartChineseAnalyzer(CharArraySet.EMPTY_SET);
    /**
     * Characters that are words of their own and stand beside a product word ("来的蛋", "一箱…"): one typed
     * there is that word, not a slip for a product's character of the same sound (的 is also di4, as 地 is).
     */
    private static final String FUNCTION = "的地得了着过吗呢吧啊呀嘛么一不没有在是个这那就都也还又再很太好几多少到把被给让跟和与及们我你他她它哪里";

    /** Vocabulary words by their characters with one replaced by its sound: "洗[wan3]机" finds 洗碗机 for 洗晚机. */
    private final Map<String, Set<String>> byReading;
    private final Set<String> vocabulary;
    private final Predicate<String> known;

    private Homophones(Map<String, Set<String>> byReading, Set<String> vocabulary, Predicate<String> known) {
        this.byReading = byReading;
        this.vocabulary = vocabulary;
        this.known = known;
    }

    public static Homophones none() {
        return new Homophones(Map.of(), Set.of(), w -> true);
    }

    /**
     * @param vocabulary the words a typo may stand for
     * @param known      whether a span is a word in its own right (then it is never rewritten)
     */
    public static Homophones of(Collection<String> vocabulary, Predicate<String> known) {
        Map<String, Set<String>> byReading = new HashMap<>();
        Set<String> words = new LinkedHashSet<>();
        for (String w : vocabulary) {
            if (w.length() < SHORTEST || w.length() > LONGEST || !han(w)) {
                continue;
            }
            words.add(w);
            for (int blank = 0; blank < w.length(); blank++) {
                String sound = sound(w.charAt(blank));
                if (sound != null) {
                    byReading.computeIfAbsent(key(w, blank, sound), k -> new LinkedHashSet<>()).add(w);
                }
            }
        }
        return new Homophones(byReading, words, known);
    }

    /** The text with each typed-as-homophone vocabulary word put back; the text itself when there is none. */
    public String correct(String text) {
        if (byReading.isEmpty()) {
            return text;
        }
        int[] wordAt = null; // computed only when a span sounds like a vocabulary word (rarely)
        StringBuilder out = new StringBuilder(text.length());
        boolean changed = false;
        int i = 0;
        while (i < text.length()) {
            int length = 0;
            String found = null;
            for (int n = Math.min(LONGEST, text.length() - i); n >= SHORTEST && length == 0; n--) {
                String span = text.substring(i, i + n);
                if (vocabulary.contains(span)) {
                    length = n; // a word already typed right is kept whole
                    found = span;
                } else if (han(span)) {
                    String w = wordFor(span);
                    if (w != null) {
                        wordAt = wordAt != null ? wordAt : words(text);
                        if (!splitsAWord(wordAt, i, i + n)) {
                            length = n;
                            found = w;
                        }
                    }
                }
            }
            if (found != null) {
                out.append(found);
                changed |= !found.equals(text.substring(i, i + length));
                i += length;
            } else {
                out.append(text.charAt(i++));
            }
        }
        return changed ? out.toString() : text;
    }

    /** Each character's word in the segmenter's reading of the text (start and end packed), 0 when it is a word of one. */
    private static int[] words(String text) {
        int[] at = new int[text.length()];
        try (TokenStream ts = SEGMENTER.tokenStream("f", text)) {
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                int start = offset.startOffset();
                int end = offset.endOffset();
                for (int k = start; end - start > 1 && k < end && k < at.length; k++) {
                    at[k] = start << 16 | end;
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return at;
    }

    /**
     * Whether the span cuts through a word the segmenter reads there: a slip is a word of its own that the
     * segmenter could not read, not the end of one word and the start of the next ("多久|水", "早饭|剥了",
     * which held 酒水 and 饭煲 when two-character names were read too).
     */
    private static boolean splitsAWord(int[] wordAt, int start, int end) {
        for (int k = start; k < end; k++) {
            int w = wordAt[k];
            if (w != 0 && ((w >>> 16) < start || (w & 0xFFFF) > end)) {
                return true;
            }
        }
        return false;
    }

    private String wordFor(String span) {
        Set<String> fits = new LinkedHashSet<>();
        for (int blank = 0; blank < span.length(); blank++) {
            if (FUNCTION.indexOf(span.charAt(blank)) >= 0) {
                continue;
            }
            String sound = sound(span.charAt(blank));
            for (String w : sound == null ? Set.<String> of() : byReading.getOrDefault(key(span, blank, sound), Set.of())) {
                if (!w.equals(span)) { // the key holds every other character, so w differs from the span just there
                    fits.add(w);
                }
            }
        }
        return fits.size() == 1 && !known.test(span) && !oneWord(span) ? fits.iterator().next() : null;
    }

    /** Whether the segmenter's dictionary knows the span as a word. */
    private static boolean oneWord(String span) {
        try (TokenStream ts = SEGMENTER.tokenStream("f", span)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            boolean one = ts.incrementToken() && term.toString().equals(span) && !ts.incrementToken();
            ts.end();
            return one;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A character's usual sound with its tone: pinyin4j's first reading. Its rarer readings would make
     * 即食 a slip for 吃食 (吃 is also ji2) and 鼓包 one for 壶 (鼓 is also hu2); the price is a few characters
     * whose first reading is not the usual one (柜 is ju3 first), which are then not put back.
     */
    private static String sound(char c) {
        String[] sounds = PinyinHelper.toHanyuPinyinStringArray(c);
        return sounds == null || sounds.length == 0 ? null : sounds[0];
    }

    /** The characters of the word, with the one at {@code blank} replaced by its sound. */
    private static String key(String w, int blank, String sound) {
        return w.substring(0, blank) + '[' + sound + ']' + w.substring(blank + 1);
    }

    private static boolean han(String s) {
        return s.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
