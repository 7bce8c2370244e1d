package shop.kefu.wechat;

/** A push that is refused before anything is stored: bad signature, undecryptable, unparsable. */
final class BadPush extends RuntimeException {
    BadPush(String message) {
        super(message, null, false, false);
    }
}
