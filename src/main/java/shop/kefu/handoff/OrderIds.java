package shop.kefu.handoff;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Order numbers in a shopper's text: a letter, then letters, digits and {@code _.-}, with at least one
 * digit after the letter (D1001-1, ORD20261122). Found in one pass: each run of such characters is read
 * once (a possessive match cannot backtrack), where a single pattern starting at every letter of a long
 * run of letters took time quadratic in its length.
 */
final class OrderIds {

    /** Longest order number (the order API's ids are at most 64 characters); a longer run is not one. */
    static final int MAX_LENGTH = 64;
    private static final Pattern RUN = Pattern.compile("[A-Za-z0-9_.-]++");

    private OrderIds() {
    }

    static List<String> in(String text) {
        List<String> ids = new ArrayList<>();
        Matcher m = RUN.matcher(text);
        while (m.find()) {
            String run = m.group();
            int letter = firstLetter(run);
            if (letter >= 0 && hasDigit(run, letter + 1) && run.length() - letter <= MAX_LENGTH) {
                ids.add(run.substring(letter));
            }
        }
        return ids;
    }

    private static int firstLetter(String run) {
        for (int i = 0; i < run.length(); i++) {
            char ch = run.charAt(i);
            if ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z')) {
                return i;
            }
        }
        return -1;
    }

    private static boolean hasDigit(String run, int from) {
        for (int i = from; i < run.length(); i++) {
            if (Character.isDigit(run.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
