package shop.kefu.dialog;

/** Something the turn did besides talking, e.g. {@code aftersales_created}. */
public record ReplyAction(String type, String aftersalesId, String kind) {
    public static ReplyAction aftersalesCreated(String aftersalesId, String kind) {
        return new ReplyAction("aftersales_created", aftersalesId, kind);
    }
}
