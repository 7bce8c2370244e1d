package shop.kefu.common;

/**
 * Text the database can store. PostgreSQL refuses the character U+0000 in any text value (H2 stores it),
 * so text carrying it is refused where it enters the service (REST paths, queries and bodies, WebSocket
 * frames) instead of failing in the database with a 500: both databases answer alike.
 */
public final class StorableText {

    /** The code clients are sent when text carries U+0000. */
    public static final String CODE = "invalid_characters";

    private StorableText() {
    }

    public static boolean storable(String s) {
        return s == null || s.indexOf('\u0000') < 0;
    }

    /** The text without U+0000, for text the service keeps but nobody typed (an uploaded file's name). */
    public static String cleaned(String s) {
        return s == null ? null : s.replace("\u0000", "");
    }
}
