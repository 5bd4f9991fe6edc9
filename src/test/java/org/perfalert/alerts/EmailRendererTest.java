package org.perfalert.alerts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfalert.config.ConfigLoader;
import org.perfalert.config.Configuration;
import org.perfalert.config.Person;
import org.perfalert.model.PerformanceException;
import org.perfalert.evaluate.SeriesHistory;
import org.perfalert.notify.MailReading;
import org.perfalert.notify.Mailer;
import org.perfalert.notify.RenderedEmail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfalert.alerts.AlertTestSupport.*;
import static org.perfalert.model.Direction.CONCERN;
import static org.perfalert.model.Severity.HIGH;

class EmailRendererTest {
    @TempDir Path dir;
    final YearMonth mar = YearMonth.of(2025, 3);
    final PerformanceException e = exception("twelve-month-high", "burglary", "Fenland", mar, HIGH, CONCERN, 41);

    @Test
    void aTemplateInTheConfigurationWinsAndAMissingOneFallsBackToTheBuiltIn() throws Exception {
        Configuration config = config(dir.resolve("config"), "");
        Files.createDirectories(dir.resolve("config/templates"));
        Files.writeString(dir.resolve("config/templates/alert-email.txt.ftl"),
                "Custom for ${leadName}: <#list items as i>${i.headline}</#list>\n");
        EmailRenderer r = new EmailRenderer(new Mailer("perfalert@example.org", dir.resolve("config/templates")), config.catalogue());
        RenderedEmail mail = r.render(new Person("Bea", "bea@example.org"), mar, List.of(AlertItem.of(1, AlertStatus.NEW, e)), 0,
                HISTORY, Instant.parse("2025-04-02T08:00:00Z"));
        MailReading read = MailReading.of(new jakarta.mail.internet.MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()),
                new java.io.ByteArrayInputStream(mail.mime().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))));
        assertThat(read.text()).isEqualTo("Custom for Bea: " + e.headline() + "\n");
        assertThat(read.html()).contains("Dear Bea,", e.headline());     // built-in HTML template
        assertThat(read.messageId()).isEqualTo(mail.messageId()).endsWith(".perfalert@example.org>");
    }

    @Test
    void itemsOverTheLimitAreCountedForTheDigest() throws Exception {
        EmailRenderer r = new EmailRenderer(new Mailer("perfalert@example.org", null), config(dir.resolve("config"), "").catalogue());
        RenderedEmail mail = r.render(new Person("Bea", "bea@example.org"), mar, List.of(AlertItem.of(1, AlertStatus.NEW, e)), 4,
                SeriesHistory.NONE, Instant.parse("2025-04-02T08:00:00Z"));
        assertThat(mail.mime()).contains("4 more exceptions of lower importance will be in the weekly digest")
                .doesNotContain("image/png");                            // no history, no chart
    }

    @Test
    void theShippedConfigurationPassesTheRoutingCheck() throws Exception {
        Path repo = Path.of(System.getProperty("perfalert.repo", "."));
        Configuration shipped = ConfigLoader.load(repo.resolve("config"));
        assertThat(EmailPlanner.check(shipped)).isEqualTo(NotifyPolicy.DEFAULT);
        assertThat(Files.readString(repo.resolve("config/templates/" + EmailRenderer.HTML)))
                .isEqualTo(new String(EmailRenderer.class.getResourceAsStream("/templates/" + EmailRenderer.HTML).readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Subjects under 100 characters that name the worst item: shortened step by step, never cut mid-sentence first. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0} items -> {2}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "1  | East Cambridgeshire \u2013 Burglary (police.uk) 29 in March 2025: highest since February 2024 | [perfalert] March 2025: East Cambridgeshire \u2013 Burglary (police.uk) 29, highest since February 2024",
            "10 | East Cambridgeshire \u2013 Burglary (police.uk) 29 in March 2025: highest since February 2024 | [perfalert] East Cambridgeshire \u2013 Burglary (police.uk) 29, highest since February 2024 (+9 more)",
            "3  | South Cambridgeshire \u2013 Violence and sexual offences (police.uk) 412 in March 2025: 12-month total 4,812, significantly above 4,410 at the year end (March 2024) | [perfalert] Mar 2025: South Cambridgeshire \u2013 Violence and sexual offences (police.uk) 412 (+2 more)",
            "2  | Burglary: 12-month total 3,111, 14% up on the previous 12 months (2,729) | [perfalert] Burglary: 12-month total 3,111, 14% up on the previous 12 months (2,729) (+1 more)",
    })
    void subjectsNameTheWorstItemInUnderAHundredCharacters(int count, String headline, String subject) {
        List<AlertItem> items = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++)
            items.add(AlertItem.of(i + 1, AlertStatus.NEW, new PerformanceException("twelve-month-high", "burglary",
                    org.perfalert.model.AreaType.DISTRICT, "Fenland", mar, HIGH, CONCERN, i == 0 ? headline : "other " + i, java.util.Map.of("value", 1.0))));
        assertThat(EmailRenderer.subject(mar, items)).isEqualTo(subject).hasSizeLessThan(100);
    }
}
