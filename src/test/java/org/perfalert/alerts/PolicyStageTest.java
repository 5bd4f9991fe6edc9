package org.perfalert.alerts;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfalert.alerts.StageFixtures.*;

/** Stage 4: the default policy's word on each raised item, from its status, silence and who heard of it before. */
class PolicyStageTest {

    @ParameterizedTest(name = "{0}, silenced {1}, emailed before {2} -> {3}")
    @CsvSource(nullValues = "-", value = {
            "new,        -, -,               EMAIL_NOW",
            "new,        4, -,               DIGEST_ONLY",
            "continuing, -, -,               DIGEST_ONLY",
            "resolved,   -, -,               DIGEST_ONLY",
            "withdrawn,  -, bea@example.org, EMAIL_NOW",
            "withdrawn,  -, -,               DIGEST_ONLY",
    })
    void decides(String status, Long silencedBy, String emailedBefore, Delivery expected) {
        AlertItem item = new AlertItem(1, AlertStatus.parse(status), high(MAR, 41), silencedBy,
                emailedBefore == null ? Set.of() : Set.of(emailedBefore));
        assertThat(PolicyStage.decide(List.of(item), NotifyPolicy.DEFAULT))
                .containsExactly(new PolicyStage.Decided(item, expected));
    }
}
