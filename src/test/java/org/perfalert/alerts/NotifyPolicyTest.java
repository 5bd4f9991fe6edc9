package org.perfalert.alerts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.perfalert.config.Settings;
import org.perfalert.model.Direction;
import org.perfalert.model.Severity;

import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotifyPolicyTest {

    @ParameterizedTest(name = "{0} {1} {2} silenced={3} originalEmailed={4} -> {5}")
    @CsvSource({
            "new,        high,   concern,     false, false, EMAIL_NOW",
            "new,        medium, concern,     false, false, EMAIL_NOW",
            "new,        low,    concern,     false, false, DIGEST_ONLY",
            "new,        high,   improvement, false, false, DIGEST_ONLY",
            "new,        high,   neutral,     false, false, EMAIL_NOW",     // e.g. drugs offences: a signal either way is news
            "continuing, high,   concern,     false, false, DIGEST_ONLY",
            "resolved,   high,   concern,     false, false, DIGEST_ONLY",
            "new,        high,   concern,     true,  false, DIGEST_ONLY",   // silenced: stored, not emailed
            "withdrawn,  high,   concern,     false, true,  EMAIL_NOW",     // tell those who heard of it
            "withdrawn,  low,    improvement, false, true,  EMAIL_NOW",
            "withdrawn,  high,   concern,     false, false, DIGEST_ONLY",   // nobody was emailed: nothing to take back
            "withdrawn,  high,   concern,     true,  true,  DIGEST_ONLY",
    })
    void defaultPolicy(String status, String severity, String direction, boolean silenced, boolean emailed, Delivery expected) {
        assertThat(NotifyPolicy.DEFAULT.decide(AlertStatus.parse(status), Severity.parse(severity), Direction.parse(direction),
                silenced, emailed)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"signal, EMAIL_NOW", "threshold, EMAIL_NOW", "exception, DIGEST_ONLY"})
    void byDefaultOnlySignalsAndThresholdsAreEmailed(String kind, Delivery expected) {
        assertThat(NotifyPolicy.DEFAULT.decide(org.perfalert.model.ExceptionKind.parse(kind), AlertStatus.NEW, Severity.HIGH,
                Direction.CONCERN, false, false)).isEqualTo(expected);
    }

    @Test
    void defaultsMatchTheDocumentedPolicyWhenNothingIsConfigured() {
        assertThat(NotifyPolicy.from(new Settings(new Properties(), Map.of()))).isEqualTo(NotifyPolicy.DEFAULT);
    }

    @Test
    void configuredPolicyWidensWhatIsEmailed() {
        Properties p = new Properties();
        p.setProperty("notify.email.statuses", "new, continuing");
        p.setProperty("notify.email.severities", "high,medium,low");
        p.setProperty("notify.email.directions", "concern,improvement");
        p.setProperty("notify.withdrawn", "false");
        NotifyPolicy policy = NotifyPolicy.from(new Settings(p, Map.of()));
        assertThat(policy.decide(AlertStatus.CONTINUING, Severity.LOW, Direction.IMPROVEMENT, false, false)).isEqualTo(Delivery.EMAIL_NOW);
        assertThat(policy.decide(AlertStatus.NEW, Severity.HIGH, Direction.NEUTRAL, false, false)).isEqualTo(Delivery.DIGEST_ONLY);
        assertThat(policy.decide(AlertStatus.WITHDRAWN, Severity.HIGH, Direction.CONCERN, false, true)).isEqualTo(Delivery.DIGEST_ONLY);
    }

    @Test
    void aMistypedSettingIsNamed() {
        Properties p = new Properties();
        p.setProperty("notify.email.severities", "high,urgent");
        assertThatThrownBy(() -> NotifyPolicy.from(new Settings(p, Map.of())))
                .hasMessageContaining("notify.email.severities").hasMessageContaining("urgent");
    }
}
