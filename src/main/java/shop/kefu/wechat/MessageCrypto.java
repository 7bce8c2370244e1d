package shop.kefu.wechat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Safe mode's message encryption: AES-256-CBC, the key Base64(EncodingAESKey + "="), the IV its first
 * 16 bytes, PKCS#7 padding to a multiple of 32 bytes, and the plaintext random(16) + length (4 bytes,
 * big-endian) + message + appid. The JDK's AES is used without padding because WeChat pads to 32
 * bytes, not the AES block size.
 */
final class MessageCrypto {

    private static final int BLOCK = 32;
    private final byte[] key;
    private final String appId;

    MessageCrypto(String encodingAesKey, String appId) {
        if (encodingAesKey == null || encodingAesKey.length() != 43) {
            throw new IllegalArgumentException("kefu.wechat.encoding-aes-key must be the 43 characters from the mini-program console");
        }
        this.key = Base64.getDecoder().decode(encodingAesKey + "=");
        this.appId = appId;
    }

    /** The message inside; refused when it does not decrypt or was made for another appid. */
    String decrypt(String encrypted) {
        byte[] plain;
        try {
            plain = cipher(Cipher.DECRYPT_MODE).doFinal(Base64.getDecoder().decode(encrypted));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new BadPush("the message does not decrypt");
        }
        int pad = plain.length == 0 ? 0 : plain[plain.length - 1] & 0xff;
        if (pad < 1 || pad > BLOCK || pad > plain.length) {
            throw new BadPush("the message's padding is wrong");
        }
        byte[] content = Arrays.copyOf(plain, plain.length - pad);
        if (content.length < 20) {
            throw new BadPush("the message is too short");
        }
        int length = ByteBuffer.wrap(content, 16, 4).getInt();
        if (length < 0 || 20 + length > content.length) {
            throw new BadPush("the message's length is wrong");
        }
        String from = new String(content, 20 + length, content.length - 20 - length, StandardCharsets.UTF_8);
        if (appId != null && !appId.equals(from)) {
            throw new BadPush("the message is for another appid");
        }
        return new String(content, 20, length, StandardCharsets.UTF_8);
    }

    String encrypt(String message) {
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        return encrypt(message, random);
    }

    /** With the random prefix given: WeChat's published examples fix it, which makes them known answers. */
    String encrypt(String message, byte[] random16) {
        byte[] msg = message.getBytes(StandardCharsets.UTF_8);
        byte[] app = appId.getBytes(StandardCharsets.UTF_8);
        int length = 16 + 4 + msg.length + app.length;
        int pad = BLOCK - length % BLOCK;
        ByteBuffer b = ByteBuffer.allocate(length + pad);
        b.put(random16, 0, 16).putInt(msg.length).put(msg).put(app);
        for (int i = 0; i < pad; i++) {
            b.put((byte) pad);
        }
        try {
            return Base64.getEncoder().encodeToString(cipher(Cipher.ENCRYPT_MODE).doFinal(b.array()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private Cipher cipher(int mode) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/CBC/NoPadding");
        c.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOf(key, 16)));
        return c;
    }
}
