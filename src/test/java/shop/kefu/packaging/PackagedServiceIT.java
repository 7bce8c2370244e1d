package shop.kefu.packaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import shop.kefu.support.ChatClient;
import shop.kefu.support.TestDatabase;
import shop.kefu.support.Tokens;
import shop.kefu.support.Ws;

/**
 * The packaged jar (target/quarkus-app, prod profile), started by failsafe in {@code ./mvnw verify}: it
 * catches what only packaging can break (resources left out of the jar, native libraries of the
 * embedding model, configuration that only the prod profile reads). The knowledge-base, prompts and
 * policy paths it is given do not exist, as when the jar is copied elsewhere: it must still answer,
 * from its own packaged articles, reply templates and policy. Demo mode, as in the README's quick start, so the test's tokens (demo keys) are accepted;
 * the demo private key itself must not be in the package.
 */
@QuarkusIntegrationTest
@TestProfile(PackagedServiceIT.AwayFromItsFolder.class)
class PackagedServiceIT {

    public static class AwayFromItsFolder implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Demo mode starts only on loopback; the demo key pair is read from demo-keys/ in the project folder.
            return TestDatabase.own("it", Map.of("kefu.demo.enabled", "true", "quarkus.http.host", "127.0.0.1",
                    "kefu.kb.dir", "target/it-no-knowledge-base", "kefu.data.dir", "target/it-data",
                    "kefu.prompts.dir", "target/it-no-prompts", "kefu.policy.file", "target/it-no-policies.properties"));
        }
    }

    @TestHTTPResource("/")
    URI base;

    @Test
    void isHealthyAndHoldsThePackagedArticles() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().auth().oauth2(Tokens.of("editor", "IT-EDITOR")).queryParam("limit", 200).get("/api/kb/articles").then().statusCode(200)
                .body("size()", greaterThan(50));
    }

    @Test
    void theDemoPrivateKeyIsNotInThePackage() throws IOException {
        // Recognised by content, not by name: a line of the key's body, in any file of any jar.
        String keyLine = Files.readAllLines(Path.of("demo-keys/privateKey.pem")).get(5);
        List<Path> jars;
        try (Stream<Path> files = Files.walk(Path.of("target/quarkus-app"))) {
            jars = files.filter(f -> f.toString().endsWith(".jar")).toList();
        }
        assertTrue(jars.size() > 10, "the packaged service is in target/quarkus-app");
        List<String> found = new ArrayList<>();
        for (Path jar : jars) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                    if (entry.isDirectory() || entry.getName().endsWith(".class") || entry.getSize() > 1 << 20) {
                        continue;
                    }
                    try (InputStream in = zip.getInputStream(entry)) {
                        if (new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).contains(keyLine)) {
                            found.add(jar.getFileName() + "!" + entry.getName());
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), found, "the demo private key must stay out of the packaged service");
    }

    @Test
    void answersAShopperOverTheWebSocket() {
        try (ChatClient c = ChatClient.connect(Ws.ws(base), "/ws/chat", Tokens.shopper(Ws.uniqueCustomer("IT")))) {
            c.next("reply"); // greeting
            c.message("it-1", "草莓怎么保存");
            c.next("ack");
            JsonNode reply = c.next("reply");
            assertEquals("fresh-strawberry-storage", reply.at("/citations/0/articleId").asText(), reply.toString());
        }
    }
}
