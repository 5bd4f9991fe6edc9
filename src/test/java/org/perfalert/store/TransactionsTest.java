package org.perfalert.store;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A write is committed when its work returns and rolled back whatever it throws; SQL failures leave unchecked. */
class TransactionsTest {
    JdbcDataSource ds;

    @BeforeEach
    void table() throws SQLException {
        ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:tx-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (v INT PRIMARY KEY)");
        }
    }

    @ParameterizedTest(name = "{0} -> rows {1}, thrown {2}")
    @CsvSource({
            "returns,           1, none",
            "sql failure,       0, StoreException",
            "duplicate key,     0, StoreException",
            "runtime failure,   0, IllegalStateException",
            "store failure,     0, StoreException",
    })
    void aWriteIsAllOrNothing(String work, int rows, String thrown) throws SQLException {
        Runnable write = () -> Transactions.write(ds, "test " + work, c -> {
            insert(c, 1);
            switch (work) {
                case "sql failure" -> c.createStatement().execute("INSERT INTO nowhere VALUES (1)");
                case "duplicate key" -> insert(c, 1);
                case "runtime failure" -> throw new IllegalStateException("boom");
                case "store failure" -> Transactions.within(c, "inner part", cx -> { throw new SQLException("inner"); });
                default -> { }
            }
            return null;
        });
        if (thrown.equals("none")) write.run();
        else assertThatThrownBy(write::run).satisfies(e -> {
            assertThat(e.getClass().getSimpleName()).isEqualTo(thrown);
            if (e instanceof StoreException s) {
                assertThat(s).hasMessageStartingWith("cannot ");
                assertThat(s.isDuplicateKey()).isEqualTo(work.equals("duplicate key"));
            }
        });
        assertThat(count()).isEqualTo(rows);
    }

    private static void insert(Connection c, int v) throws SQLException {
        try (Statement st = c.createStatement()) { st.execute("INSERT INTO t VALUES (" + v + ")"); }
    }

    private int count() throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM t")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
