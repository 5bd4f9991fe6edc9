package org.perfalert.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** store.url: an H2 file store written on every commit (issue 18, failure 2); a password in the URL refused (failure 9). */
class StoreUrlTest {
    @Test
    void anH2FileStoreIsOpenedWithoutAWriteDelay() {
        assertThat(Store.durable("jdbc:h2:file:./data/perfalert")).isEqualTo("jdbc:h2:file:./data/perfalert;WRITE_DELAY=0");
        assertThat(Store.durable("jdbc:h2:./data/perfalert;DB_CLOSE_ON_EXIT=FALSE"))
                .isEqualTo("jdbc:h2:./data/perfalert;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        // an operator's own choice stays; in memory and on PostgreSQL there is nothing to change
        assertThat(Store.durable("jdbc:h2:file:./x;WRITE_DELAY=100")).isEqualTo("jdbc:h2:file:./x;WRITE_DELAY=100");
        assertThat(Store.durable("jdbc:h2:mem:x")).isEqualTo("jdbc:h2:mem:x");
        assertThat(Store.durable("jdbc:postgresql://db/perfalert")).isEqualTo("jdbc:postgresql://db/perfalert");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:postgresql://db/perfalert?user=pa&password=Hunter2", "jdbc:h2:file:./data/x;PASSWORD=Hunter2",
            "jdbc:postgresql://pa:Hunter2@db/perfalert"})
    void aPasswordInTheUrlIsRefusedAndNotRepeated(String url) {
        assertThatThrownBy(() -> Store.open(url, "pa", "", java.time.Clock.systemUTC()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("store.url holds a password").hasMessageContaining("PERFALERT_STORE_PASSWORD")
                .hasMessageNotContaining("Hunter2");
    }
}
