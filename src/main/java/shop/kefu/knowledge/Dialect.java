package shop.kefu.knowledge;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import shop.kefu.common.DataFiles;

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

    /** @param closing counts only at the end of a clause, before anything but a letter or digit (好伐, 好伐😭; not 步伐) */
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

        /** A letter, digit, - or _ of ASCII: "TV2026110800A" and "TV-2026110800A" are order numbers, not 电视. */
        private static boolean alphanumeric(char c) {
            return c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_');
        }
    }

    /** The list in the folder, or the packaged copy. */
    public static Dialect load(Path file) {
        return parse(DataFiles.read(file, "knowledge-base/dialect.txt"));
    }

    /**
     * Lines "mandarin <- form, form"; "keep word, word" lists Mandarin words never rewritten; # starts a
     * comment. A malformed line is an error naming it (no arrow, nothing on a side of it, an empty form, a
     * form given two meanings, a form in traditional characters, which no message holds once {@link Script} has read it): a silently dropped mapping would only show as worse answers, and an empty
     * form would match everywhere.
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
            List<String> listed = arrow < 0 ? List.of() : split(line.substring(arrow + 2));
            if (mandarin.isEmpty() || listed.isEmpty()) {
                throw new IllegalArgumentException("dialect.txt:" + n + ": expected \"mandarin <- forms\", got \"" + line + "\"");
            }
            for (String form : listed) {
                boolean closing = form.endsWith("$");
                String word = closing ? form.substring(0, form.length() - 1) : form;
                if (word.isEmpty()) {
                    throw new IllegalArgumentException("dialect.txt:" + n + ": an empty form in \"" + line + "\"");
                }
                if (!Script.simplified(word).equals(word)) { // messages reach the list in simplified characters
                    throw new IllegalArgumentException("dialect.txt:" + n + ": \"" + word + "\" is written in traditional characters; write \""
                            + Script.simplified(word) + "\" (messages are read in simplified characters first)");
                }
                for (Form other : forms) {
                    if (other.dialect().equalsIgnoreCase(word) && other.closing() == closing && !other.mandarin().equals(mandarin)) {
                        throw new IllegalArgumentException("dialect.txt:" + n + ": \"" + word + "\" is read as " + other.mandarin() + " above already");
                    }
                }
                forms.add(new Form(word, mandarin, closing));
            }
        }
        // longest first; of two as long, the one for the end of a clause (咩 closing a question is 吗, elsewhere 什么)
        forms.sort(Comparator.comparingInt((Form f) -> f.dialect().length()).reversed().thenComparing(f -> !f.closing()));
        kept.sort(Comparator.comparingInt(String::length).reversed());
        return new Dialect(List.copyOf(forms), List.copyOf(kept));
    }

    private static List<String> split(String list) {
        return Arrays.stream(list.split("[,，]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * The text with each dialect form, longest first and left to right, read as its Mandarin word. No form is
     * read across a kept word: the 点解 of "快点解冻" and the 就系 of "就系统" stay.
     */
    public String toMandarin(String text) {
        if (forms.isEmpty()) {
            return text;
        }
        boolean[] keptAt = new boolean[text.length()];
        for (String k : kept) {
            for (int at = text.indexOf(k); at >= 0; at = text.indexOf(k, at + 1)) {
                Arrays.fill(keptAt, at, at + k.length(), true);
            }
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        next:
        while (i < text.length()) {
            if (!keptAt[i]) {
                for (Form f : forms) {
                    int end = i + f.dialect().length();
                    if (f.matchesAt(text, i) && !anyKept(keptAt, i, end) && (!f.closing() || end == text.length() || !Character.isLetterOrDigit(text.charAt(end)))) {
                        out.append(f.mandarin());
                        i = end;
                        continue next;
                    }
                }
            }
            out.append(text.charAt(i++));
        }
        return out.toString();
    }

    private static boolean anyKept(boolean[] keptAt, int from, int to) {
        for (int i = from; i < to; i++) {
            if (keptAt[i]) {
                return true;
            }
        }
        return false;
    }
}
