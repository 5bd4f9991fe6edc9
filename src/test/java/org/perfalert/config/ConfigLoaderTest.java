package org.perfalert.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Configuration is checked at start; every problem names the file, the entry and the fix. */
class ConfigLoaderTest {
    static final String METRICS = """
            metrics:
              - id: calls_999
                label: 999 calls received
                unit: count
                better: neutral
                theme: Demand
                owner: demand-hub
            """;
    static final String AREAS = """
            force: Cambridgeshire
            areas:
              North: [Peterborough, Fenland]
              South: [Cambridge]
            """;
    static final String PEOPLE = """
            roles:
              demand-hub:
                - { name: Jane Smith, email: jane.smith@example.org }
            digest:
              to: [performance-board@example.org]
            analysts: [analysts@example.org]
            """;

    @TempDir Path dir;

    Path config(String metrics, String areas, String people) throws Exception {
        Files.writeString(dir.resolve("metrics.yaml"), metrics);
        Files.writeString(dir.resolve("areas.yaml"), areas);
        if (people != null) Files.writeString(dir.resolve("people.yaml"), people);
        return dir;
    }

    @Test
    void theShippedConfigurationLoads() throws Exception {
        Configuration c = ConfigLoader.load(Path.of(System.getProperty("perfalert.repo", ".")).resolve("config"));
        assertThat(c.catalogue().contains("policeuk.all_crime")).isTrue();
        assertThat(c.areas().districts()).hasSize(6);
        assertThat(c.people().digestTo()).isNotEmpty();
    }

    @Test
    void onlyMetricsAndAreasAreRequired() throws Exception {
        Configuration c = ConfigLoader.load(config(METRICS, AREAS, null));
        assertThat(c.people().roles()).isEmpty();
        assertThat(c.settings().get("store.url")).isEqualTo("jdbc:h2:file:./data/perfalert");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown unit      | unit: count          | unit: litres      | metric \"calls_999\": unknown unit \"litres\" (use count, percent, minutes or number)",
            "unknown direction | better: neutral      | better: sideways  | metric \"calls_999\": unknown better direction \"sideways\" (use up, down or neutral)",
            "owner not a role  | owner: demand-hub    | owner: nobody     | owner role \"nobody\" is not defined in people.yaml (add it under roles:)",
            "thresholds        | theme: Demand        | 'theme: Demand\n    thresholds: { above: 5, below: 10 }' | thresholds above (5.0) must be greater than below (10.0)",
    })
    void aBadMetricIsNamedWithTheFix(String what, String from, String to, String expected) throws Exception {
        Path cfg = config(METRICS.replace(from, to.replace("\\n", "\n")), AREAS, PEOPLE);
        assertThatThrownBy(() -> ConfigLoader.load(cfg)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("metrics.yaml").hasMessageContaining(expected);
    }

    @Test
    void aDuplicateMetricIdIsRefused() throws Exception {
        Path cfg = config(METRICS + METRICS.substring(METRICS.indexOf("  - id")), AREAS, PEOPLE);
        assertThatThrownBy(() -> ConfigLoader.load(cfg)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("metrics.yaml: metric \"calls_999\": duplicate metric id");
    }

    @Test
    void twoMetricsWithOneLabelInATheme_AreRefusedNamingBothAndTheLabel() throws Exception {
        String second = """
                  - id: calls_999_hub
                    label: " 999 Calls   received"
                    unit: count
                    better: neutral
                    theme: Demand
                """;
        Path cfg = config(METRICS + second, AREAS, PEOPLE);
        assertThatThrownBy(() -> ConfigLoader.load(cfg)).isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).containsExactly(cfg.resolve("metrics.yaml")
                        + ": metrics \"calls_999\" and \"calls_999_hub\" have the same label \"999 Calls received\" in theme \"Demand\", "
                        + "so readers cannot tell them apart (give one of them a label that says how it differs, e.g. its source: \"999 Calls received (police.uk)\")"));
    }

    @Test
    void theSameLabelInTwoThemesIsAllowed_AndTheRuleCommandsDoNotCheckLabels() throws Exception {
        String inOtherTheme = "  - id: calls_999_board\n    label: 999 calls received\n    unit: count\n    better: neutral\n    theme: Board\n";
        assertThat(ConfigLoader.load(config(METRICS + inOtherTheme, AREAS, PEOPLE)).catalogue().all()).hasSize(2);

        String sameTheme = inOtherTheme.replace("Board", "Demand");
        assertThat(ConfigLoader.loadForRules(config(METRICS + sameTheme, AREAS, PEOPLE)).catalogue().all()).hasSize(2);
    }

    @Test
    void theShippedMetricsHaveUniqueLabels() throws Exception {
        Configuration c = ConfigLoader.load(Path.of(System.getProperty("perfalert.repo", ".")).resolve("config"));
        assertThat(c.catalogue().all()).extracting(m -> m.label().toLowerCase()).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @CsvSource({"abc", "0", "-5", "NaN", "Infinity"})
    void aMaxAbsValueThatIsNotAPositiveNumberIsRefused(String value) throws Exception {
        Path cfg = config(METRICS, AREAS, PEOPLE);
        Files.writeString(cfg.resolve("application.properties"), "ingest.max-abs-value=" + value + "\n");
        assertThatThrownBy(() -> ConfigLoader.load(cfg)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("setting ingest.max-abs-value \"" + value + "\"").hasMessageContaining("is not a positive number");
    }

    @Test
    void theMaxAbsValueDefaultsTo1e12() throws Exception {
        assertThat(Double.parseDouble(ConfigLoader.load(config(METRICS, AREAS, null)).settings().get("ingest.max-abs-value"))).isEqualTo(1e12);
    }

    @Test
    void aDistrictInTwoAreasIsRefused() throws Exception {
        Path cfg = config(METRICS, AREAS.replace("[Cambridge]", "[Cambridge, Fenland]"), PEOPLE);
        assertThatThrownBy(() -> ConfigLoader.load(cfg)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("areas.yaml: district \"Fenland\" is in both \"North\" and \"South\"");
    }

    @Test
    void aMalformedEmailAddressIsRefusedWherever() throws Exception {
        Path cfg = config(METRICS, AREAS, PEOPLE.replace("jane.smith@example.org", "jane.smith(at)example")
                .replace("[analysts@example.org]", "[analysts@]"));
        assertThatThrownBy(() -> ConfigLoader.load(cfg)).isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).anySatisfy(p -> assertThat(p)
                                .contains("people.yaml: role \"demand-hub\"").contains("\"jane.smith(at)example\" is not a valid email address"))
                        .anySatisfy(p -> assertThat(p).contains("people.yaml: analysts").contains("\"analysts@\" is not a valid email address")));
    }

    @Test
    void aMissingRequiredFileIsNamed() throws Exception {
        Files.writeString(dir.resolve("metrics.yaml"), METRICS);
        assertThatThrownBy(() -> ConfigLoader.load(dir)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("areas.yaml: missing (this file is required");
    }

    @Test
    void aPasswordWrittenInTheSettingsFileIsRefused() throws Exception {
        Path cfg = config(METRICS, AREAS, PEOPLE);
        Files.writeString(cfg.resolve("application.properties"), "mail.smtp.password=secret\nlink.secret=s\nmail.imap.password=p\n");
        assertThatThrownBy(() -> ConfigLoader.load(cfg)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("mail.smtp.password must not be written in a file; set the environment variable PERFALERT_MAIL_SMTP_PASSWORD")
                .hasMessageContaining("link.secret must not be written in a file; set the environment variable PERFALERT_LINK_SECRET")
                .hasMessageContaining("set the environment variable PERFALERT_MAIL_IMAP_PASSWORD");
    }

    @Test
    void anEnvironmentVariableOverridesTheFileAndTheFileTheDefault() {
        Properties file = new Properties();
        file.setProperty("mail.smtp.port", "2525");
        file.setProperty("mail.mode", "smtp");
        Settings s = new Settings(file, Map.of("PERFALERT_MAIL_SMTP_PORT", "587"));
        assertThat(s.get("mail.smtp.port")).isEqualTo("587");
        assertThat(s.get("mail.mode")).isEqualTo("smtp");
        assertThat(s.get("digest.zone")).isEqualTo("Europe/London");
    }
}
