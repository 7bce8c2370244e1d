package shop.kefu.knowledge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Dialect words read as their Mandarin word (knowledge-base/dialect.txt): 咗 as 了, 嘅 as 的, 几耐 as 多久, a
 * closing 伐 as 吗; and product names typed in English as the lexicon's Chinese name (avocado as 牛油果). The
 * embedding model and the articles are Mandarin, so a question in Cantonese or Wu otherwise finds its
 * article by its product word alone, and one naming its goods in English by its other words alone, and
 * is asked about instead of answered. Both are short, closed classes, so a list in front of the learned
 * parts, as the fillers are.
 */
public record Dialect(List<Form> forms, List<String> kept) {

    public static final Dialect NONE = new Dialect(List.of(), List.of());

    /** @param closing counts only at the end of a clause (好伐, not 步伐) */
    public record Form(String dialect, String mandarin, boolean closing) {

        /**
         * Whether the form stands in the text at {@code at}. A form of Latin letters ("dragon fruit") matches
         * in any case and only as a whole word: "Avocado" is 牛油果; the "pear" in "appear" is no 梨, nor the "TV"
         * of an order number "TV2026110800A" 电视.
         */
        boolean matchesAt(String text, int at) {
            if (!latin(dialect.charAt(0))) {
                return text.startsWith(dialect, at);
            }
            int end = at + dialect.length();
            return text.regionMatches(true, at, dialect, 0, dialect.length())
                    && (at == 0 || !alphanumeric(text.charAt(at - 1))) && (end == text.length() || !alphanumeric(text.charAt(end)));
        }

        private static boolean latin(char c) {
            return c < 128 && Character.isLetter(c);
        }

        /** A letter or digit of ASCII: "TV2026110800A" is an order number, not 电视. */
        private static boolean alphanumeric(char c) {
            return c < 128 && Character.isLetterOrDigit(c);
        }
    }

    /** What ends a clause for a closing form: the end of the text, punctuation or a space. */
    private static final String CLAUSE_ENDS = "，,。.！!？?；;：:~～… \n\r\t";

    /**
     * Lines "mandarin <- form, form"; "keep word, word" lists Mandarin words never rewritten; # starts a
     * comment. A malformed line is an error: a silently dropped mapping would only show as worse answers.
     */
    public static Dialect parse(String text) {
        List<Form> forms = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int n = 1; n <= lines.size(); n++) {
            String line = lines.get(n - 1).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("keep ")) {
                kept.addAll(split(line.substring("keep ".length())));
                continue;
            }
            int arrow = line.indexOf("<-");
            String mandarin = arrow < 0 ? "" : line.substring(0, arrow).strip();
            if (mandarin.isEmpty()) {
                throw new IllegalArgumentException("dialect.txt:" + n + ": expected \"mandarin <- forms\", got \"" + line + "\"");
            }
            for (String form : split(line.substring(arrow + 2))) {
                boolean closing = form.endsWith("$");
                forms.add(new Form(closing ? form.substring(0, form.length() - 1) : form, mandarin, closing));
            }
        }
        forms.sort(Comparator.comparingInt((Form f) -> f.dialect().length()).reversed());
        kept.sort(Comparator.comparingInt(String::length).reversed());
        return new Dialect(List.copyOf(forms), List.copyOf(kept));
    }

    private static List<String> split(String list) {
        return Arrays.stream(list.split("[,，]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The text with each dialect form, longest first and left to right, read as its Mandarin word. */
    public String toMandarin(String text) {
        if (forms.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        next:
        while (i < text.length()) {
            for (String k : kept) {
                if (text.startsWith(k, i)) {
                    out.append(k);
                    i += k.length();
                    continue next;
                }
            }
            for (Form f : forms) {
                int end = i + f.dialect().length();
                if (f.matchesAt(text, i) && (!f.closing() || end == text.length() || CLAUSE_ENDS.indexOf(text.charAt(end)) >= 0)) {
                    out.append(f.mandarin());
                    i = end;
                    continue next;
                }
            }
            out.append(text.charAt(i++));
        }
        return out.toString();
    }
}
