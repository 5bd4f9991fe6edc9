package org.perfalert.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.perfalert.digest.DigestSettings;
import org.perfalert.notify.Backoff;
import org.perfalert.notify.MailSettings;
import org.perfalert.pull.PullSettings;
import org.perfalert.service.Service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every stage reads its settings as a typed record whose defaults come from the one table, Settings.DEFAULTS; a
 * value that is not what the setting needs is refused with the setting's name.
 */
class TypedSettingsTest {
    static final Settings NOTHING_SET = new Settings(new Properties(), Map.of());

    @Test
    void withNothingSetEveryRecordHasTheDefaultsOfTheOneTable() {
        assertThat(MailSettings.from(NOTHING_SET)).isEqualTo(new MailSettings("file", Path.of("out/mail"), "localhost", 25, false,
                "", "", "perfalert@localhost"));
        assertThat(Backoff.from(NOTHING_SET)).isEqualTo(Backoff.DEFAULT);
        assertThat(DigestSettings.from(NOTHING_SET)).isEqualTo(new DigestSettings(Path.of("out/digests"), ZoneId.of("Europe/London"),
                10, "0 0 7 ? * MON"));
        assertThat(PullSettings.from(NOTHING_SET)).isEqualTo(new PullSettings(Path.of("data/pull"), 3, 60_000));
        assertThat(Service.Options.from(NOTHING_SET, Path.of("routes"))).isEqualTo(new Service.Options(Path.of("routes"),
                Path.of("inbox"), Path.of("data"), 8080, "0 0 7 ? * MON", "Europe/London", 1000, 10_000, 2000, 60));
    }

    @Test
    void theShippedSettingsFileRepeatsOnlyTheDefaults() throws Exception {
        Path file = Path.of(System.getProperty("perfalert.repo", ".")).resolve("config/application.properties");
        Properties shipped = new Properties();
        try (var r = Files.newBufferedReader(file)) { shipped.load(r); }
        assertThat(shipped.stringPropertyNames()).allSatisfy(name ->
                assertThat(shipped.getProperty(name)).as(name).isEqualTo(Settings.DEFAULTS.get(name)));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "mail.smtp.port,           twenty-five,  mail",
            "mail.mode,                pigeon,       mail",
            "mail.from,                nobody,       mail",
            "mail.retry.attempts,      many,         backoff",
            "digest.zone,              Mars/Olympus, digest",
            "digest.top,               five,         digest",
            "pull.tick.ms,             soon,         pull",
            "pull.failures.before.email, 3.5,        pull",
            "inbox.poll.ms,            often,        service",
            "http.port,                web,          service",
    })
    void aWrongValueIsRefusedNamingTheSetting(String name, String value, String record) {
        Properties p = new Properties();
        p.setProperty(name, value);
        Settings s = new Settings(p, Map.of());
        Map<String, Function<Settings, Object>> records = Map.of("mail", MailSettings::from, "backoff", Backoff::from,
                "digest", DigestSettings::from, "pull", PullSettings::from, "service", x -> Service.Options.from(x, Path.of("routes")));
        assertThatThrownBy(() -> records.get(record).apply(s)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(name).hasMessageContaining(value);
    }

    @Test
    void theEnvironmentOverridesTheFileForATypedRecordToo() {
        Properties p = new Properties();
        p.setProperty("pull.tick.ms", "500");
        assertThat(PullSettings.from(new Settings(p, Map.of("PERFALERT_PULL_TICK_MS", "250"))).tickMs()).isEqualTo(250);
        assertThat(Backoff.from(new Settings(p, Map.of("PERFALERT_MAIL_RETRY_FIRST_SECONDS", "5"))).first()).isEqualTo(Duration.ofSeconds(5));
    }
}
