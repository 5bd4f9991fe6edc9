package org.perfalert.cli;

import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfalert.config.ConfigLoader;
import org.perfalert.config.Person;
import org.perfalert.service.DemoFeeder;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole demo, end to end, as a user runs it at the repository's top folder (one slower test). */
class DemoCommandTest {

    @Test
    void demoOnceProcessesTheSampleDataAndWritesLeadEmails(@TempDir Path out) throws Exception {
        CliRun run = CliRun.run("demo", "--once", "--out", out.toString(), "--http-port", "0", "--timeout", "600");

        assertThat(run.exit()).as(run.err()).isEqualTo(Main.OK);
        assertThat(run.out()).contains("demo: done. " + DemoFeeder.count(Path.of("").toAbsolutePath()) + " file(s) processed, 0 rejected");
        List<Path> processed = list(out.resolve("inbox/processed"));
        assertThat(processed).filteredOn(p -> !p.toString().endsWith(".report.txt"))
                .hasSize(DemoFeeder.count(Path.of("").toAbsolutePath()));
        assertThat(list(out.resolve("inbox/rejected"))).isEmpty();
        assertThat(list(out.resolve("inbox")).stream().filter(Files::isRegularFile)).isEmpty();

        // The week's digest is archived with its images, and went to the board (people.yaml digest.to).
        List<Path> weeks = list(out.resolve("digests"));
        assertThat(weeks).singleElement().satisfies(w -> {
            assertThat(w.resolve("digest.html")).isNotEmptyFile();
            assertThat(Files.readString(w.resolve("digest.html"))).contains("December 2025");
            assertThat(list(w.resolve("img"))).isNotEmpty();
        });
        assertThat(list(out.resolve("mail"))).filteredOn(p -> p.toString().endsWith("performance-board@example.org.eml")).hasSize(1);

        List<Path> emails = list(out.resolve("mail"));
        assertThat(emails).isNotEmpty().allSatisfy(p -> assertThat(p.toString()).endsWith(".eml"));
        Set<String> leads = ConfigLoader.load(Path.of("config")).people().roles().values().stream()
                .flatMap(List::stream).map(Person::email).collect(Collectors.toSet());
        Session session = Session.getInstance(new Properties());
        for (Path eml : emails.subList(0, Math.min(10, emails.size()))) {
            MimeMessage m;
            try (InputStream in = Files.newInputStream(eml)) { m = new MimeMessage(session, in); }
            assertThat(((InternetAddress) m.getRecipients(Message.RecipientType.TO)[0]).getAddress()).isIn(leads);
            assertThat(m.getContentType()).startsWith("multipart/alternative");
            Multipart alternative = (Multipart) m.getContent();
            assertThat(alternative.getBodyPart(0).isMimeType("text/plain")).isTrue();
            assertThat(alternative.getBodyPart(1).getContentType()).containsAnyOf("text/html", "multipart/related");
        }
    }

    private static List<Path> list(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) { return s.sorted().toList(); }
    }
}
