package shop.kefu.chat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * A fault in the database itself: an H2 trigger on chat_event that refuses the next bot reply with the
 * SQLState queued in table {@code test_fault}, once. The queue is a table, not a static field, because
 * H2 may load this class in another class loader than the test's.
 */
public class FailNextReply implements Trigger {

    private static final String TEST_DATABASE = "jdbc:h2:mem:kefu-test"; // %test.quarkus.datasource.jdbc.url

    static final String INSTALL = """
            CREATE TABLE IF NOT EXISTS test_fault (sql_state VARCHAR(5) NOT NULL);
            CREATE TRIGGER IF NOT EXISTS test_fail_next_reply BEFORE INSERT ON chat_event FOR EACH ROW
              CALL "shop.kefu.chat.FailNextReply"
            """;

    @Override
    public void fire(Connection c, Object[] oldRow, Object[] newRow) throws SQLException {
        if (!"bot".equals(newRow[4]) || !"reply".equals(newRow[3])) { // columns: id, conversation_id, seq, type, sender
            return;
        }
        String state;
        try (PreparedStatement next = c.prepareStatement("SELECT sql_state FROM test_fault FETCH FIRST 1 ROWS ONLY");
                ResultSet r = next.executeQuery()) {
            if (!r.next()) {
                return;
            }
            state = r.getString(1);
        }
        // Used up in a session of its own: the failing insert's transaction is rolled back, with anything it did.
        try (Connection own = DriverManager.getConnection(TEST_DATABASE, "kefu", "kefu");
                PreparedStatement used = own.prepareStatement("DELETE FROM test_fault WHERE sql_state = ?")) {
            used.setString(1, state);
            used.executeUpdate();
        }
        throw new SQLException("injected by the test", state);
    }
}
