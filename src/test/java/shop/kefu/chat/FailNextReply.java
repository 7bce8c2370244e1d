package shop.kefu.chat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.h2.api.Trigger;

/**
 * A fault in the database itself: a trigger on chat_event that refuses the next bot reply with the
 * SQLState queued in table {@code test_fault}, once. On H2 the trigger is this class; on PostgreSQL it is
 * a PL/pgSQL function doing the same. Either way the fault is used up outside the failing insert's
 * transaction, which is rolled back with anything it did.
 */
public class FailNextReply implements Trigger {

    private static final String TEST_DATABASE = "jdbc:h2:mem:kefu-test"; // %test.quarkus.datasource.jdbc.url

    /** The queue is a table, not a static field, because H2 may load this class in another class loader than the test's. */
    private static final List<String> H2 = List.of(
            "CREATE TABLE IF NOT EXISTS test_fault (n BIGINT GENERATED ALWAYS AS IDENTITY, sql_state VARCHAR(5) NOT NULL)",
            "CREATE TRIGGER IF NOT EXISTS test_fail_next_reply BEFORE INSERT ON chat_event FOR EACH ROW CALL \"shop.kefu.chat.FailNextReply\"");

    /**
     * A sequence counts the faults used up: nextval is never rolled back, where a DELETE in the failing
     * transaction would be.
     */
    private static final List<String> POSTGRESQL = List.of(
            "CREATE TABLE IF NOT EXISTS test_fault (n BIGINT GENERATED ALWAYS AS IDENTITY, sql_state VARCHAR(5) NOT NULL)",
            "CREATE SEQUENCE IF NOT EXISTS test_fault_used",
            """
            CREATE OR REPLACE FUNCTION test_fail_next_reply() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
              used BIGINT;
              state VARCHAR(5);
            BEGIN
              IF NEW.sender <> 'bot' OR NEW.type <> 'reply' THEN
                RETURN NEW;
              END IF;
              SELECT CASE WHEN is_called THEN last_value ELSE 0 END INTO used FROM test_fault_used;
              SELECT sql_state INTO state FROM test_fault ORDER BY n OFFSET used LIMIT 1;
              IF state IS NULL THEN
                RETURN NEW;
              END IF;
              PERFORM nextval('test_fault_used');
              RAISE EXCEPTION 'injected by the test' USING ERRCODE = state;
            END $$""",
            "DROP TRIGGER IF EXISTS test_fail_next_reply ON chat_event",
            "CREATE TRIGGER test_fail_next_reply BEFORE INSERT ON chat_event FOR EACH ROW EXECUTE FUNCTION test_fail_next_reply()");

    /** Installs the trigger in the database of {@code c}, if it is not there yet. */
    static void install(Connection c) throws SQLException {
        boolean postgres = c.getMetaData().getDatabaseProductName().equals("PostgreSQL");
        try (Statement s = c.createStatement()) {
            for (String sql : postgres ? POSTGRESQL : H2) {
                s.execute(sql);
            }
        }
    }

    /** The next bot reply stored fails with this SQLState. */
    static void queue(Connection c, String sqlState) throws SQLException {
        try (PreparedStatement add = c.prepareStatement("INSERT INTO test_fault (sql_state) VALUES (?)")) {
            add.setString(1, sqlState);
            add.executeUpdate();
        }
    }

    @Override
    public void fire(Connection c, Object[] oldRow, Object[] newRow) throws SQLException {
        if (!"bot".equals(newRow[4]) || !"reply".equals(newRow[3])) { // columns: id, conversation_id, seq, type, sender
            return;
        }
        long n;
        String state;
        try (PreparedStatement next = c.prepareStatement("SELECT n, sql_state FROM test_fault ORDER BY n FETCH FIRST 1 ROWS ONLY");
                ResultSet r = next.executeQuery()) {
            if (!r.next()) {
                return;
            }
            n = r.getLong(1);
            state = r.getString(2);
        }
        // Used up in a session of its own: the failing insert's transaction is rolled back, with anything it did.
        try (Connection own = DriverManager.getConnection(TEST_DATABASE, "kefu", "kefu");
                PreparedStatement used = own.prepareStatement("DELETE FROM test_fault WHERE n = ?")) {
            used.setLong(1, n);
            used.executeUpdate();
        }
        throw new SQLException("injected by the test", state);
    }
}
