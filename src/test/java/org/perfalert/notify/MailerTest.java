package org.perfalert.notify;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every email is composed in one place: the same sender, Message-ID, headers and template rules for each kind. */
class MailerTest {
    static final Path REPO = Path.of(System.getProperty("perfalert.repo", "."));
    static final Instant NOW = Instant.parse("2026-06-15T10:00:00Z");
    @TempDir Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "rules-not-applied | rules/broken.drl:4:1: <unexpected> | <code>rules/broken.drl:4:1: &lt;unexpected&gt;</code>",
            "source-failing    | answered HTTP 500 & <closed>       | <code>answered HTTP 500 &amp; &lt;closed&gt;</code>",
    })
    void eachAnalystNoticeHasTheOneSenderAndMessageIdAndEscapesItsData(String template, String problem, String escaped) throws Exception {
        Mailer mailer = new Mailer("perfalert@example.org", null);
        Mailer.Draft draft = mailer.to("analysts@example.org", null, "analysts");
        Map<String, Object> model = Map.of("version", "abc123", "problems", List.of(problem), "kind", "http", "name", "open-data",
                "where", "http://127.0.0.1/x.csv", "failures", 3, "lastFailure", "15 Jun 2026 11:00", "lastError", problem,
                "lastSuccess", "", "schedule", "0 30 6 * * ?");
        RenderedEmail mail = draft.compose("perfalert: something\r\nBcc: evil@example.net", template, model, NOW);

        MimeMessage m = read(mail);
        assertThat(m.getFrom()).extracting(Object::toString).containsExactly("perfalert <perfalert@example.org>");
        assertThat(m.getMessageID()).isEqualTo(mail.messageId()).isEqualTo(draft.messageId()).matches("<[0-9a-f-]{36}\\.perfalert@example\\.org>");
        assertThat(m.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        assertThat(m.getHeader("Bcc")).isNull();
        assertThat(m.getSubject()).isEqualTo(mail.subject()).isEqualTo("perfalert: something Bcc: evil@example.net");
        MailReading r = MailReading.of(m);
        assertThat(r.text()).contains(problem);
        assertThat(r.html()).contains(escaped).doesNotContain(problem);
    }

    @Test
    void aTemplateInTheConfigurationFolderWinsOverTheBuiltIn() throws Exception {
        Files.writeString(dir.resolve("rules-not-applied.txt.ftl"), "Version ${version} is broken.");
        RenderedEmail mail = new Mailer("perfalert@example.org", dir).to("ana@example.org", "Ana", "analysts")
                .compose("s", "rules-not-applied", Map.of("version", "v9", "problems", List.of("x")), NOW);
        assertThat(MailReading.of(read(mail)).text()).isEqualTo("Version v9 is broken.");
    }

    @Test
    void anAddressThatIsNotOneIsRefusedNamingWhereItCameFrom() {
        assertThatThrownBy(() -> new Mailer("perfalert@example.org", null).to("not an address", null, "people.yaml analysts"))
                .hasMessageContaining("people.yaml analysts").hasMessageContaining("not an address");
    }

    @Test
    void theCopiesInConfigTemplatesAreTheBuiltInTemplates() throws Exception {
        List<Path> copies;
        try (Stream<Path> s = Files.list(REPO.resolve("config/templates"))) { copies = s.sorted().toList(); }
        assertThat(copies).extracting(p -> p.getFileName().toString()).contains("alert-email.txt.ftl", "digest.html.ftlh",
                "rules-not-applied.html.ftlh", "source-failing.txt.ftl");
        for (Path copy : copies)
            try (InputStream in = Mailer.class.getResourceAsStream("/templates/" + copy.getFileName())) {
                assertThat(in).as("a built-in template for " + copy.getFileName()).isNotNull();
                assertThat(Files.readString(copy)).as(copy.toString()).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
    }

    private static MimeMessage read(RenderedEmail mail) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(mail.mime().getBytes(StandardCharsets.ISO_8859_1)));
    }
}
