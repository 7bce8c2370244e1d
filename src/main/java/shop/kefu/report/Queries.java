package shop.kefu.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Read-only SQL over a range: every query of the report binds the range's start and end first. */
@ApplicationScoped
class Queries {

    @Inject
    DataSource dataSource;

    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet r) throws SQLException;
    }

    <T> List<T> list(String sql, ReportRange range, Row<T> row, Object... more) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, range.start());
            s.setObject(2, range.end());
            for (int i = 0; i < more.length; i++) {
                s.setObject(3 + i, more[i]);
            }
            List<T> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(row.read(r));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Report query failed: " + e.getMessage(), e);
        }
    }

    /** For a statement run many times on one connection. */
    Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    long count(String sql, ReportRange range, Object... more) {
        return list(sql, range, r -> r.getLong(1), more).get(0);
    }

    static Double rate(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10000.0 / whole) / 10000.0;
    }
}
