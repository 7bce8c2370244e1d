package shop.kefu.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleFilesTest {

    @Test
    void readsFrontMatterAndBody() throws Exception {
        ArticleData a = ArticleFiles.parse(Path.of("a.md"), """
                ---
                id: fresh-grape
                category: fresh
                title: 葡萄怎么保存
                questions:
                  - 葡萄能放几天
                  - "提子怎么放"
                tags: [葡萄, 水果]
                ---
                葡萄**不要洗**，冷藏。
                """);
        assertEquals("fresh-grape", a.id());
        assertEquals(List.of("葡萄能放几天", "提子怎么放"), a.questions());
        assertEquals(List.of("葡萄", "水果"), a.tags());
        assertEquals("葡萄**不要洗**，冷藏。", a.answer());
    }

    @Test
    void errorsNameTheFileAndLine() {
        var e = assertThrows(ArticleFiles.InvalidArticleException.class,
                () -> ArticleFiles.parse(Path.of("kb/x.md"), "---\nid: x\ncolour: red\n---\n答"));
        assertTrue(e.getMessage().startsWith("kb/x.md:3:"), e.getMessage());
        e = assertThrows(ArticleFiles.InvalidArticleException.class,
                () -> ArticleFiles.parse(Path.of("kb/y.md"), "---\nid: y\ncategory: toys\ntitle: t\n---\n答"));
        assertTrue(e.getMessage().contains("category"), e.getMessage());
    }

    @Test
    void duplicateIdsAreRefused(@TempDir Path dir) throws Exception {
        String text = "---\nid: same\ncategory: general\ntitle: t\n---\n答\n";
        Files.writeString(dir.resolve("a.md"), text);
        Files.writeString(dir.resolve("b.md"), text);
        assertThrows(ArticleFiles.InvalidArticleException.class, () -> ArticleFiles.load(dir));
    }

    @Test
    void anEmptyOrMissingFolderIsAnEmptyKnowledgeBase(@TempDir Path dir) {
        assertEquals(List.of(), ArticleFiles.load(dir));
        assertEquals(List.of(), ArticleFiles.load(dir.resolve("nope")));
    }

    @Test
    void theShippedKnowledgeBaseIsValid() {
        List<ArticleData> all = ArticleFiles.load(Path.of("knowledge-base"));
        assertTrue(all.size() >= 80);
        for (String category : ArticleData.CATEGORIES) {
            assertTrue(all.stream().anyMatch(a -> a.category().equals(category)), category);
        }
    }

    @Test
    void synonymsExpandColloquialWords(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("s.txt"), "# comment\n烂了, 坏了, 变质\n退钱，退款\n");
        Synonyms s = Synonyms.load(dir.resolve("s.txt"));
        assertEquals(Set.of("坏了", "变质"), s.expansions("草莓烂了"));
        assertEquals(Set.of("退款"), s.expansions("我要退钱"));
        assertEquals(Set.of(), s.expansions("你好"));
        Files.writeString(dir.resolve("bad.txt"), "孤单\n");
        var e = assertThrows(IllegalArgumentException.class, () -> Synonyms.load(dir.resolve("bad.txt")));
        assertTrue(e.getMessage().contains("bad.txt:1"));
    }
}
