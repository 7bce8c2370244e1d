package shop.kefu.aftersales;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import shop.kefu.support.ChatClient;
import shop.kefu.support.Shop;
import shop.kefu.support.Tokens;
import shop.kefu.support.Ws;

/** Uploads: quotas, clean-up of unused ones, metadata stripped by re-encoding, and who may see them. */
@QuarkusTest
class AttachmentsTest {

    @TestHTTPResource("/")
    URI base;
    @Inject
    AttachmentsConfig config;
    @Inject
    AttachmentCleanup cleanup;

    @Test
    void aShopperOverTheQuotaIsRefusedAndNothingIsWritten() throws IOException {
        String me = Ws.uniqueCustomer("U");
        String token = Tokens.shopper(me);
        for (int i = 0; i < config.quotaFiles(); i++) {
            Shop.upload(token, Shop.PNG, "image/png").then().statusCode(201);
        }
        long filesBefore = storedFiles();
        Shop.upload(token, Shop.PNG, "image/png").then().statusCode(413).body("error", equalTo("quota_exceeded"));
        assertEquals(filesBefore, storedFiles(), "the refused upload left no file");
        assertEquals(0, incomingFiles(), "nor a temporary one");
        assertEquals(config.quotaFiles(), QuarkusTransaction.requiringNew().call(() -> Attachment.count("customerId", me)));
        // another shopper's room is their own
        Shop.upload(Tokens.shopper(Ws.uniqueCustomer("U")), Shop.PNG, "image/png").then().statusCode(201);
    }

    @Test
    void unusedUploadsAreRemovedAfterThePeriodAndSentOnesStay() throws IOException {
        String me = Ws.uniqueCustomer("U");
        String unsent = Shop.photo(me);
        String sent = Shop.photo(me);
        try (ChatClient c = ChatClient.connect(Ws.ws(base), "/ws/chat", Tokens.shopper(me))) {
            c.next("reply");
            c.say("草莓坏了，看图", sent);
        }
        OffsetDateTime old = OffsetDateTime.now().minus(config.unreferencedAfter()).minusHours(1);
        QuarkusTransaction.requiringNew().run(() -> Attachment.update("createdAt = ?1 where id in ?2", old, List.of(unsent, sent)));
        Path leftover = Path.of(config.dir(), "incoming", "ATleftover" + me);
        Files.createDirectories(leftover.getParent());
        Files.write(leftover, Shop.PNG);
        Files.setLastModifiedTime(leftover, FileTime.from(old.toInstant()));

        assertTrue(cleanup.removeUnreferenced() >= 1);

        String token = Tokens.shopper(me);
        given().auth().oauth2(token).get("/api/attachments/" + unsent).then().statusCode(404);
        assertFalse(Files.exists(Path.of(config.dir(), unsent)), "the file is gone too");
        given().auth().oauth2(token).get("/api/attachments/" + sent).then().statusCode(200);
        assertFalse(Files.exists(leftover), "an upload a crash left half done is removed");
    }

    @Test
    void aPhotoComesBackWithoutItsLocationAndTurnedUpright() throws IOException {
        String me = Ws.uniqueCustomer("U");
        byte[] photo = withExif(jpeg(40, 20), 6);
        assertTrue(hasExif(photo), "the test photo carries EXIF with GPS");
        String id = Shop.upload(Tokens.shopper(me), photo, "image/jpeg").then().statusCode(201)
                .body("contentType", equalTo("image/jpeg")).extract().path("id");

        byte[] back = given().auth().oauth2(Tokens.shopper(me)).get("/api/attachments/" + id).then().statusCode(200)
                .contentType("image/jpeg").extract().asByteArray();
        assertFalse(hasExif(back), "no EXIF (location, camera) is kept");
        assertFalse(new String(back, StandardCharsets.ISO_8859_1).contains("Exif"));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(back));
        assertEquals(20, image.getWidth(), "orientation 6 (turned 90° clockwise) is applied to the pixels");
        assertEquals(40, image.getHeight());
        assertTrue(new Color(image.getRGB(10, 5)).getRed() > 200, "the photo's left side is now on top");
        assertTrue(new Color(image.getRGB(10, 35)).getBlue() > 200);
    }

    /** Phones and WeChat send photos as WebP: a lossy one is stored as a JPEG, one with transparency as a PNG. */
    @Test
    void aWebpPhotoIsStoredAsAJpegAndOneWithTransparencyAsAPng() throws IOException {
        String me = Ws.uniqueCustomer("U");
        // 1×1 images, lossy (VP8) and lossy with an alpha channel (VP8X + ALPH)
        byte[] lossy = Base64.getDecoder().decode("UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA");
        byte[] withAlpha = Base64.getDecoder().decode(
                "UklGRkoAAABXRUJQVlA4WAoAAAAQAAAAAAAAAAAAQUxQSAwAAAARBxAR/Q9ERP8DAABWUDggGAAAABQBAJ0BKgEAAQAAAP4AAA3AAP7mtQAAAA==");
        for (Object[] c : new Object[][] { { lossy, "image/jpeg" }, { withAlpha, "image/png" } }) {
            String id = Shop.upload(Tokens.shopper(me), (byte[]) c[0], "image/webp").then().statusCode(201)
                    .body("contentType", equalTo(c[1])).extract().path("id");
            byte[] back = given().auth().oauth2(Tokens.shopper(me)).get("/api/attachments/" + id).then().statusCode(200)
                    .contentType((String) c[1]).extract().asByteArray();
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(back));
            assertEquals(1, image.getWidth(), "stored as an image any browser shows");
        }
    }

    @Test
    void whatDoesNotDecodeAsAnImageIsRefused() {
        String token = Tokens.shopper(Ws.uniqueCustomer("U"));
        byte[] fakeJpeg = new byte[300];
        fakeJpeg[0] = (byte) 0xFF;
        fakeJpeg[1] = (byte) 0xD8;
        fakeJpeg[2] = (byte) 0xFF;
        fakeJpeg[3] = (byte) 0xE0;
        Shop.upload(token, fakeJpeg, "image/jpeg").then().statusCode(415).body("error", equalTo("not_an_image"));
        Shop.upload(token, "%PDF-1.7 invoice".getBytes(StandardCharsets.US_ASCII), "image/png").then().statusCode(415)
                .body("error", equalTo("not_an_image"));
        // a few hundred bytes declaring 50,000 × 50,000 pixels (10 GB to decode) are refused before decoding
        Shop.upload(token, pngDeclaring(50_000, 50_000), "image/png").then().statusCode(413).body("error", equalTo("too_many_pixels"));
    }

    @Test
    void agentsSeeAttachmentsOfConversationsTheyMayOpenAndSupervisorsSeeAll() {
        String me = Ws.uniqueCustomer("U");
        String sent = Shop.photo(me);
        String unsent = Shop.photo(me);
        String holder = Tokens.agent("PA-" + me);
        String other = Tokens.agent("PB-" + me);
        try (ChatClient c = ChatClient.connect(Ws.ws(base), "/ws/chat", Tokens.shopper(me))) {
            c.next("reply");
            ObjectNode frame = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("type", "message")
                    .put("id", "m1").put("text", "转人工");
            frame.putArray("attachments").add(sent);
            c.send(frame);
            String conversation = c.next("ack").get("conversationId").asText();
            c.next("handoff");

            given().auth().oauth2(other).get("/api/attachments/" + sent).then().statusCode(200); // waiting in the queue
            given().auth().oauth2(holder).post("/api/agent/conversations/" + conversation + "/claim").then().statusCode(200);

            given().auth().oauth2(holder).get("/api/attachments/" + sent).then().statusCode(200);
            given().auth().oauth2(other).get("/api/attachments/" + sent).then().statusCode(403).body("error", equalTo("not_yours"));
            given().auth().oauth2(Tokens.of("supervisor", "SV-" + me)).get("/api/attachments/" + sent).then().statusCode(200);
            given().auth().oauth2(Tokens.of("admin", "AD-" + me)).get("/api/attachments/" + sent).then().statusCode(200);
            given().auth().oauth2(Tokens.shopper(me)).get("/api/attachments/" + sent).then().statusCode(200);
            given().auth().oauth2(Tokens.shopper(Ws.uniqueCustomer("X"))).get("/api/attachments/" + sent).then().statusCode(404);

            // never sent: in no conversation, so no agent's; a supervisor may look
            given().auth().oauth2(holder).get("/api/attachments/" + unsent).then().statusCode(403).body("error", equalTo("not_yours"));
            given().auth().oauth2(Tokens.of("supervisor", "SV-" + me)).get("/api/attachments/" + unsent).then().statusCode(200);
            given().auth().oauth2(holder).get("/api/attachments/ATnope").then().statusCode(404);
        }
    }

    private long storedFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(config.dir()))) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private long incomingFiles() throws IOException {
        Path incoming = Path.of(config.dir(), "incoming");
        if (!Files.isDirectory(incoming)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(incoming)) {
            return files.count();
        }
    }

    /** A JPEG whose left half is red and right half blue. */
    private static byte[] jpeg(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(Color.BLUE);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    /**
     * The JPEG with an EXIF segment after its JFIF header, as a phone writes it: IFD0 with the orientation
     * and a GPS IFD placing the photo at 31°14'N (Shanghai).
     */
    private static byte[] withExif(byte[] jpeg, int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(92).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        tiff.putShort((short) 2); // IFD0 at 8
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(38);
        tiff.putInt(0);
        tiff.putShort((short) 2); // GPS IFD at 38
        tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
        tiff.putShort((short) 0x0002).putShort((short) 5).putInt(3).putInt(68);
        tiff.putInt(0);
        tiff.putInt(31).putInt(1).putInt(14).putInt(1).putInt(0).putInt(1); // at 68
        byte[] exif = new byte[6 + tiff.position()];
        System.arraycopy("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), 0, exif, 0, 6);
        System.arraycopy(tiff.array(), 0, exif, 6, tiff.position());

        int app0End = 4 + (((jpeg[4] & 0xff) << 8) | (jpeg[5] & 0xff)); // SOI, then APP0 (marker and length)
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, app0End);
        out.write(0xFF);
        out.write(0xE1);
        out.write((exif.length + 2) >> 8);
        out.write((exif.length + 2) & 0xff);
        out.write(exif, 0, exif.length);
        out.write(jpeg, app0End, jpeg.length - app0End);
        return out.toByteArray();
    }

    /** Whether the JPEG has an APP1 (EXIF or XMP) segment before its image data. */
    private static boolean hasExif(byte[] jpeg) {
        int i = 2;
        while (i + 4 <= jpeg.length && (jpeg[i] & 0xff) == 0xFF) {
            int marker = jpeg[i + 1] & 0xff;
            if (marker == 0xDA) {
                return false;
            }
            if (marker == 0xE1) {
                return true;
            }
            i += 2 + (((jpeg[i + 2] & 0xff) << 8) | (jpeg[i + 3] & 0xff));
        }
        return false;
    }

    /** A PNG signature and header declaring the size, with no image data. */
    private static byte[] pngDeclaring(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4 + 12);
        png.put(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' });
        png.putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
        CRC32 end = new CRC32();
        end.update("IEND".getBytes(StandardCharsets.US_ASCII));
        png.putInt(0).put("IEND".getBytes(StandardCharsets.US_ASCII)).putInt((int) end.getValue());
        return png.array();
    }
}
