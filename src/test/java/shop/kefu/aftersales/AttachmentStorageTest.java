package shop.kefu.aftersales;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import shop.kefu.support.Shop;
import shop.kefu.support.TestDatabase;
import shop.kefu.support.Tokens;
import shop.kefu.support.Ws;

/** Uploads stop before the disk holding them fills up (with the database, when they share it). */
@QuarkusTest
@TestProfile(AttachmentStorageTest.AlmostFullDisk.class)
class AttachmentStorageTest {

    static final Path FOLDER = Path.of("target/attachments-almost-full");

    /** A free-space floor no disk has; an empty knowledge base, so the service starts quickly. */
    public static class AlmostFullDisk implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Files.createDirectories(Path.of("target/empty-knowledge-base"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return TestDatabase.own("almost-full", Map.of("kefu.attachments.dir", FOLDER.toString(),
                    "kefu.attachments.min-free-bytes", String.valueOf(Long.MAX_VALUE / 2), "kefu.kb.dir", "target/empty-knowledge-base"));
        }
    }

    @Test
    void uploadsAreRefusedWhileTheDiskIsShortOfSpace() throws IOException {
        Shop.upload(Tokens.shopper(Ws.uniqueCustomer("U")), Shop.PNG, "image/png").then().statusCode(507)
                .body("error", equalTo("storage_full"));
        try (Stream<Path> files = Files.walk(FOLDER)) {
            assertEquals(0, files.filter(Files::isRegularFile).count(), "nothing was written");
        }
    }
}
