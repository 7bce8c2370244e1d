package shop.kefu.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Known answers from WeChat's published message-encryption sample code (WXBizMsgCrypt): a fixed random
 * prefix gives a fixed ciphertext, and a pushed message with its msg_signature decrypts to the text.
 */
class MessageCryptoTest {

    private static final String KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    @Test
    void encryptsAsWechatsSampleDoes() {
        MessageCrypto crypto = new MessageCrypto(KEY, "wxb11529c136998cb6");
        assertEquals("jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==",
                crypto.encrypt("我是中文abcd123", "aaaabbbbccccdddd".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void checksTheMsgSignatureAndDecryptsWechatsSamplePush() {
        String encrypt = "hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6F8PGHQHFVAFmOD2LdJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T332jisa+h6tEDYsVticbSnyU8dKOIbgU6ux5VTjg3yt+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCgavjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5RJSVO/HTnifJpXgCSUdUue1v6h0EIBYYI1BD1DlD+C0CR8e6OewpusjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669WuMyVWQLCzpu9GhglF2PE=";
        assertTrue(Signatures.matches(Signatures.sign("spamtest", "1409735669", "1320562132", encrypt),
                "5d197aaffba7e9b25a30732f161a50dee96bd5fa"));
        String plain = new MessageCrypto(KEY, "wx2c2769f8efd9abc2").decrypt(encrypt);
        Map<String, String> fields = PushFormat.read(new ObjectMapper(), plain);
        assertEquals("oyORnuP8q7ou2gfYjqLzSIWZf0rs", fields.get("FromUserName"));
        assertEquals("abcdteT", fields.get("Content"));
        assertEquals("6054768590064713728", fields.get("MsgId"));
    }

    @Test
    void aMessageForAnotherAppIsRefused() {
        MessageCrypto mine = new MessageCrypto(KEY, "wxmine");
        String sealed = new MessageCrypto(KEY, "wxother").encrypt("{\"Content\":\"退款\"}");
        assertThrows(BadPush.class, () -> mine.decrypt(sealed));
        String good = mine.encrypt("{\"Content\":\"退款\"}");
        assertEquals("{\"Content\":\"退款\"}", mine.decrypt(good));
        assertThrows(BadPush.class, () -> mine.decrypt("bm90IGEgV2VDaGF0IG1lc3NhZ2U="));
    }

    @Test
    void xmlWithADoctypeIsRefusedSoNoEntityIsEverExpanded() {
        assertThrows(BadPush.class, () -> PushFormat.read(new ObjectMapper(),
                "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><xml><Content>&x;</Content></xml>"));
    }
}
