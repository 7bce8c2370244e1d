package shop.kefu.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * A database upgraded from before V19 keeps an article's history: an article stored before revisions were
 * kept gets its content as its first version (V20), so its history lists it and it can be restored.
 */
class RevisionsBackfillTest {

    @Test
    void anArticleStoredBeforeRevisionsGetsItsFirstVersion() throws Exception {
        String url = "jdbc:h2:mem:backfill-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").target("19").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("INSERT INTO kb_article (id, category, title, questions, tags, answer, updated_at, updated_by) VALUES "
                    + "('old-one', 'fresh', '草莓怎么保存', '[]', '[]', '冷藏，两三天内吃完。', CURRENT_TIMESTAMP, 'editor-1')");
            Flyway.configure().dataSource(url, "sa", "").load().migrate();
            try (ResultSet r = s.executeQuery("SELECT version, title, deleted, changed_by FROM kb_article_revision WHERE article_id = 'old-one'")) {
                r.next();
                assertEquals(1, r.getInt("version"));
                assertEquals("草莓怎么保存", r.getString("title"));
                assertEquals(false, r.getBoolean("deleted"));
                assertEquals("editor-1", r.getString("changed_by"));
                assertEquals(false, r.next(), "one version");
            }
        }
    }
}
