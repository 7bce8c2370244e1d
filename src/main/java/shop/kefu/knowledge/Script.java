package shop.kefu.knowledge;

import com.ibm.icu.text.Transliterator;

/**
 * Traditional characters read as simplified ones. Shoppers in Hong Kong, Macau and Taiwan type 繁體字, and
 * everything that reads a message is simplified: the articles, the word lists (dialect, homophones,
 * products, fillers), the segmenter's dictionary and the understanding's examples. "雪櫃點樣儲存" shares no
 * word with "雪柜怎样储存", and the embedding model, trained mostly on simplified text, puts it elsewhere.
 * ICU's Traditional-Simplified transform rather than a table of our own: several thousand characters and
 * the phrases whose reading depends on the next character, kept by the Unicode consortium. It leaves
 * simplified text, Latin letters and digits as they are, so order numbers stay.
 */
public final class Script {

    /**
     * Shared by every thread: ICU documents transliterators as safe to share, and its rule-based ones take a
     * short lock of their own per call (a few microseconds for a chat message, about 1.6 ms for the longest
     * one the chat accepts), cheaper than building one per thread (300-800 ms and 6 MB each).
     */
    private static final Transliterator TO_SIMPLIFIED = Transliterator.getInstance("Traditional-Simplified");

    private Script() {
    }

    public static String simplified(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x2E80) { // CJK radicals and above: ASCII and Latin text is left untouched, without ICU's pass
                return TO_SIMPLIFIED.transliterate(text);
            }
        }
        return text;
    }
}
