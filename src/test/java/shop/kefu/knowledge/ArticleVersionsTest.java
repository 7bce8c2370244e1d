package shop.kefu.knowledge;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import shop.kefu.support.Tokens;

/** The editor console's article API (issue 19): versions, conflicts, history, restore, filters, gaps. */
@QuarkusTest
class ArticleVersionsTest {

    private static String article(String id, String title, Integer version) {
        return """
                {"id":"%s","category":"fresh","title":"%s","questions":["山竹怎么挑"],"answer":"捏一捏，软的新鲜。","tags":["山竹","V19标签"]%s}"""
                .formatted(id, title, version == null ? "" : ",\"version\":" + version);
    }

    @Test
    void theSecondOfTwoEditorsSavingTheSameVersionGetsAConflictAndHistoryRestores() {
        String id = "mangosteen-" + System.nanoTime();
        String alice = Tokens.of("editor", "alice");
        String bob = Tokens.of("editor", "bob");
        given().auth().oauth2(alice).contentType("application/json").body(article(id, "山竹怎么挑选", null)).post("/api/kb/articles")
                .then().statusCode(201).body("version", equalTo(1)).body("updatedBy", equalTo("alice"));

        given().auth().oauth2(alice).contentType("application/json").body(article(id, "山竹怎么挑选才甜", 1)).put("/api/kb/articles/" + id)
                .then().statusCode(200).body("version", equalTo(2));
        given().auth().oauth2(bob).contentType("application/json").body(article(id, "山竹挑选方法", 1)).put("/api/kb/articles/" + id)
                .then().statusCode(409).body("error", equalTo("version_conflict")).body("message", containsString("alice"));
        given().auth().oauth2(bob).get("/api/kb/articles/" + id).then().body("title", equalTo("山竹怎么挑选才甜"));

        JsonPath history = given().auth().oauth2(bob).get("/api/kb/articles/" + id + "/history").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(2, 1), history.getList("version"));
        assertEquals(List.of("title"), history.getList("[0].changed"));
        assertEquals("alice", history.getString("[0].by"));

        given().auth().oauth2(bob).contentType("application/json").body("{\"version\":2}")
                .post("/api/kb/articles/" + id + "/history/1/restore").then().statusCode(200).body("version", equalTo(3))
                .body("title", equalTo("山竹怎么挑选"));

        given().auth().oauth2(bob).delete("/api/kb/articles/" + id).then().statusCode(204);
        given().auth().oauth2(bob).get("/api/kb/articles/" + id).then().statusCode(404);
        assertEquals(List.of("deleted"), given().auth().oauth2(bob).get("/api/kb/articles/" + id + "/history").then().statusCode(200)
                .extract().jsonPath().getList("[0].changed"));
        given().auth().oauth2(bob).contentType("application/json").body("{}").post("/api/kb/articles/" + id + "/history/3/restore")
                .then().statusCode(200).body("version", equalTo(5));
    }

    @Test
    void aLongHistoryListsTheNewest200AndTheOldestListedSaysWhatChanged() {
        String id = "mangosteen-long-" + System.nanoTime();
        String editor = Tokens.of("editor", "dave");
        given().auth().oauth2(editor).contentType("application/json").body(article(id, "山竹怎么挑选", null)).post("/api/kb/articles")
                .then().statusCode(201);
        // 201 more saves, written as the history stores them (saving through the API would re-index each)
        QuarkusTransaction.requiringNew().run(() -> {
            ArticleRevision first = ArticleHistory.find(id, 1).orElseThrow();
            for (int v = 2; v <= 202; v++) {
                ArticleRevision r = new ArticleRevision();
                r.articleId = id;
                r.version = v;
                r.category = first.category;
                r.title = "山竹怎么挑选 第" + v + "版";
                r.questions = first.questions;
                r.tags = first.tags;
                r.answer = first.answer;
                r.changedAt = first.changedAt;
                r.changedBy = "dave";
                r.persist();
            }
        });
        JsonPath history = given().auth().oauth2(editor).get("/api/kb/articles/" + id + "/history").then().statusCode(200).extract().jsonPath();
        List<Integer> versions = history.getList("version");
        assertEquals(200, versions.size());
        assertEquals(List.of(202, 3), List.of(versions.get(0), versions.get(199)));
        assertEquals(List.of("title"), history.getList("[199].changed"), "version 3 is compared with version 2, not called created");
    }

    @Test
    void articlesAreFilteredByTagAndTextAndSearchSaysWhatTheBotWouldDo() {
        String id = "mangosteen-filter-" + System.nanoTime();
        String editor = Tokens.of("editor", "carol");
        given().auth().oauth2(editor).contentType("application/json").body(article(id, "山竹怎么挑选", null)).post("/api/kb/articles")
                .then().statusCode(201);
        assertEquals(List.of(id), given().auth().oauth2(editor).queryParam("tag", "V19标签").queryParam("q", "捏一捏")
                .queryParam("after", "mangosteen-filter-").get("/api/kb/articles").then().statusCode(200).extract().jsonPath().getList("id"));
        assertEquals(List.of(), given().auth().oauth2(editor).queryParam("tag", "V19").queryParam("after", "mangosteen-filter-")
                .get("/api/kb/articles").then().statusCode(200).extract().jsonPath().getList("id"), "a tag matches whole");
        given().auth().oauth2(editor).queryParam("q", "冰箱不制冷").get("/api/kb/search").then().statusCode(200).body("action", equalTo("answer"));
        given().auth().oauth2(Tokens.agent("AG1")).get("/api/kb/articles/" + id).then().statusCode(200).body("answer", equalTo("捏一捏，软的新鲜。"));
        given().auth().oauth2(Tokens.agent("AG1")).contentType("application/json").body(article(id, "x", null)).put("/api/kb/articles/" + id)
                .then().statusCode(403);
    }

    @Test
    void theExportImportsBackAndADryRunChangesNothing() throws Exception {
        String editor = Tokens.of("editor", "erin");
        String id = "mangosteen-bulk-" + System.nanoTime();
        given().auth().oauth2(editor).contentType("application/json").body(article(id, "山竹怎么挑选", null)).post("/api/kb/articles")
                .then().statusCode(201);
        byte[] zip = given().auth().oauth2(editor).get("/api/kb/export").then().statusCode(200).contentType("application/zip").extract()
                .asByteArray();
        java.io.ByteArrayOutputStream edited = new java.io.ByteArrayOutputStream();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip));
                var out = new java.util.zip.ZipOutputStream(edited)) {
            for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null;) {
                String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                out.write((e.getName().endsWith(id + ".md") ? text.replace("捏一捏", "按一按") : text).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            out.putNextEntry(new java.util.zip.ZipEntry("fresh/" + id + "-new.md"));
            out.write(("---\nid: " + id + "-new\ncategory: fresh\ntitle: 新文章\nquestions:\n  - 新问题\ntags: [新]\n---\n答案。\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        JsonPath dry = given().auth().oauth2(editor).contentType("application/zip").body(edited.toByteArray()).queryParam("dryRun", true)
                .post("/api/kb/articles/bulk").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(id), dry.getList("changed"), "only the edited file differs: the export reads back unchanged");
        assertEquals(List.of(id + "-new"), dry.getList("added"));
        given().auth().oauth2(editor).get("/api/kb/articles/" + id).then().body("answer", equalTo("捏一捏，软的新鲜。"));

        given().auth().oauth2(editor).contentType("application/zip").body(edited.toByteArray()).post("/api/kb/articles/bulk").then()
                .statusCode(200).body("dryRun", equalTo(false));
        given().auth().oauth2(editor).get("/api/kb/articles/" + id).then().body("answer", equalTo("按一按，软的新鲜。")).body("version", equalTo(2));
        // the import is searchable as soon as it returns: the new article, and the edited one by its new words
        given().auth().oauth2(editor).queryParam("q", "新文章").get("/api/kb/search").then().statusCode(200)
                .body("hits[0].articleId", equalTo(id + "-new"));
        given().auth().oauth2(editor).queryParam("q", "山竹按一按").get("/api/kb/search").then().statusCode(200)
                .body("hits[0].articleId", equalTo(id));
        given().auth().oauth2(editor).contentType("application/zip").body(new byte[] { 1, 2, 3 }).post("/api/kb/articles/bulk").then()
                .statusCode(400).body("error", equalTo("invalid_file"));
    }

    @Test
    void aWordListIsCheckedAppliedAndNeverOverwrittenSilently() {
        String editor = Tokens.of("editor", "fay");
        JsonPath before = given().auth().oauth2(editor).get("/api/kb/files/synonyms.txt").then().statusCode(200).extract().jsonPath();
        String original = before.getString("text");
        try {
            given().auth().oauth2(editor).contentType("application/json")
                    .body(java.util.Map.of("text", original + "\n只有一个词\n", "hash", before.getString("hash")))
                    .put("/api/kb/files/synonyms.txt").then().statusCode(400).body("error", equalTo("invalid_file"))
                    .body("message", containsString(":"));
            assertEquals(original, given().auth().oauth2(editor).get("/api/kb/files/synonyms.txt").then().extract().path("text"),
                    "a file that does not read is put back");

            String edited = original + "\n莽吉柿, 山竹\n";
            given().auth().oauth2(editor).contentType("application/json").body(java.util.Map.of("text", edited, "hash", before.getString("hash")))
                    .put("/api/kb/files/synonyms.txt").then().statusCode(200);
            given().auth().oauth2(editor).contentType("application/json").body(java.util.Map.of("text", original, "hash", before.getString("hash")))
                    .put("/api/kb/files/synonyms.txt").then().statusCode(409).body("error", equalTo("version_conflict"));
            given().auth().oauth2(editor).get("/api/kb/files/understanding/nope.txt").then().statusCode(404);
        } finally {
            String hash = given().auth().oauth2(editor).get("/api/kb/files/synonyms.txt").then().extract().path("hash");
            given().auth().oauth2(editor).contentType("application/json").body(java.util.Map.of("text", original, "hash", hash))
                    .put("/api/kb/files/synonyms.txt").then().statusCode(200);
        }
    }

    /** Dialect words are a word list editors extend: a new one is read at once, and a line without its arrow is refused. */
    @Test
    void aDialectWordAddedByAnEditorIsReadAtOnce() {
        String editor = Tokens.of("editor", "gus");
        JsonPath before = given().auth().oauth2(editor).get("/api/kb/files/dialect.txt").then().statusCode(200).extract().jsonPath();
        String original = before.getString("text");
        try {
            given().auth().oauth2(editor).queryParam("q", "雪柜唔够冻").get("/api/kb/search").then().statusCode(200)
                    .body("readAs", equalTo("雪柜不够冻"));
            given().auth().oauth2(editor).contentType("application/json")
                    .body(java.util.Map.of("text", original + "\n冰箱 雪柜\n", "hash", before.getString("hash")))
                    .put("/api/kb/files/dialect.txt").then().statusCode(400).body("error", equalTo("invalid_file"))
                    .body("message", containsString("冰箱 雪柜"));
            // messages are read in simplified characters first: a traditional form would never count
            given().auth().oauth2(editor).contentType("application/json")
                    .body(java.util.Map.of("text", original + "\n冰箱 <- 雪櫃\n", "hash", before.getString("hash")))
                    .put("/api/kb/files/dialect.txt").then().statusCode(400).body("message", containsString("traditional"));
            given().auth().oauth2(editor).contentType("application/json")
                    .body(java.util.Map.of("text", original + "\n冰箱 <- 雪柜\n", "hash", before.getString("hash")))
                    .put("/api/kb/files/dialect.txt").then().statusCode(200);
            given().auth().oauth2(editor).queryParam("q", "雪柜唔够冻").get("/api/kb/search").then().statusCode(200)
                    .body("readAs", equalTo("冰箱不够冻")).body("hits[0].articleId", equalTo("appliance-not-cooling"));
        } finally {
            String hash = given().auth().oauth2(editor).get("/api/kb/files/dialect.txt").then().extract().path("hash");
            given().auth().oauth2(editor).contentType("application/json").body(java.util.Map.of("text", original, "hash", hash))
                    .put("/api/kb/files/dialect.txt").then().statusCode(200);
        }
    }

    @Test
    void editorsReadTheGapsButNotTheReport() {
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        String editor = Tokens.of("editor", "dave");
        given().auth().oauth2(editor).queryParam("from", today).queryParam("to", today).get("/api/reports/gaps").then().statusCode(200);
        given().auth().oauth2(editor).queryParam("from", today).queryParam("to", today).get("/api/reports/service").then().statusCode(403);
        given().auth().oauth2(Tokens.agent("AG2")).queryParam("from", today).queryParam("to", today).get("/api/reports/gaps").then()
                .statusCode(403);
    }
}
