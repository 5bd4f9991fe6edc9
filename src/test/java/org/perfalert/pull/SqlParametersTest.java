package org.perfalert.pull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** :from and :to become bound ? markers; quoted text and PostgreSQL casts are left alone. */
class SqlParametersTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "SELECT * FROM t WHERE m BETWEEN :from AND :to | SELECT * FROM t WHERE m BETWEEN ? AND ? | from,to",
            "SELECT * FROM t WHERE m >= :from AND n <= :from | SELECT * FROM t WHERE m >= ? AND n <= ? | from,from",
            "SELECT ':from' AS x, m::date FROM t WHERE m = :to | SELECT ':from' AS x, m::date FROM t WHERE m = ? | to",
            "SELECT \"a:b\" FROM t | SELECT \"a:b\" FROM t | ",
            "SELECT 1 FROM t WHERE x = :evil_name | SELECT 1 FROM t WHERE x = ? | evil_name",
    })
    void turnsNamesIntoMarkers(String query, String sql, String order) {
        SqlParameters.Jdbc j = SqlParameters.toJdbc(query);
        assertThat(j.sql()).isEqualTo(sql);
        List<String> expected = order == null ? List.of() : Arrays.asList(order.split(","));
        assertThat(j.order()).isEqualTo(expected);
    }
}
