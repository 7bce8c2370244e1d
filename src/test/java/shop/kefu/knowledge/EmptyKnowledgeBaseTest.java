package shop.kefu.knowledge;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import shop.kefu.support.TestDatabase;
import shop.kefu.support.Tokens;

/**
 * kefu.kb.dir pointing at an existing empty folder starts with an empty knowledge base (a missing folder
 * is another matter: {@link MissingKnowledgeBaseFolderTest}).
 */
@QuarkusTest
@TestProfile(EmptyKnowledgeBaseTest.EmptyFolder.class)
class EmptyKnowledgeBaseTest {

    public static class EmptyFolder implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Files.createDirectories(Path.of("target/empty-knowledge-base"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return TestDatabase.own("empty-kb", Map.of("kefu.kb.dir", "target/empty-knowledge-base"));
        }
    }

    @Test
    void startsEmpty() {
        String editor = Tokens.of("editor", "E1");
        given().auth().oauth2(editor).get("/api/kb/articles").then().statusCode(200).body("size()", equalTo(0));
        given().auth().oauth2(editor).queryParam("q", "草莓怎么保存").get("/api/kb/search").then().statusCode(200)
                .body("hits.size()", equalTo(0)).body("wouldAnswer", equalTo(false));
    }
}
