package shop.kefu.knowledge;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import shop.kefu.support.TestDatabase;
import shop.kefu.support.Tokens;

/**
 * A service started away from its knowledge-base folder (the jar copied elsewhere, a typo in
 * kefu.kb.dir) answers from the articles packaged with it instead of starting silently empty.
 */
@QuarkusTest
@TestProfile(MissingKnowledgeBaseFolderTest.MissingFolder.class)
class MissingKnowledgeBaseFolderTest {

    public static class MissingFolder implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return TestDatabase.own("missing-kb", Map.of("kefu.kb.dir", "target/no-such-knowledge-base"));
        }
    }

    @Test
    void startsWithThePackagedArticles() {
        String editor = Tokens.of("editor", "E1");
        given().auth().oauth2(editor).queryParam("limit", 200).get("/api/kb/articles").then().statusCode(200).body("size()", greaterThan(50));
        given().auth().oauth2(editor).queryParam("q", "草莓怎么保存").get("/api/kb/search").then().statusCode(200)
                .body("hits[0].articleId", equalTo("fresh-strawberry-storage")).body("wouldAnswer", equalTo(true));
    }

    @Test
    void aReimportSaysTheFolderIsMissingInsteadOfRestoringThePackagedArticles() {
        String editor = Tokens.of("editor", "E1");
        given().auth().oauth2(editor).post("/api/kb/import").then().statusCode(409).body("error", equalTo("no_folder"));
    }
}
