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
import java.time.YearMonth;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole demo, end to end, as a user runs it at the repository's top folder (one slower test). */
class DemoCommandTest {

    @Test
    void demoOnceFeedsAMonthAWeekAndTheCommandsFindItsStore(@TempDir Path out) throws Exception {
        Path data = out.resolve("data");
        CliRun run = CliRun.run("demo", "--once", "--out", out.toString(), "--data", data.toString(), "--http-port", "0", "--timeout", "600");

        assertThat(run.exit()).as(run.err()).isEqualTo(Main.OK);
        List<YearMonth> months = DemoFeeder.months(Path.of("").toAbsolutePath());
        // one progress line per month (a week each), and a summary that adds them up
        List<String> weeks = run.out().lines().filter(l -> l.matches("  \\d{4}-W\\d{2} \\(.*")).toList();
        assertThat(weeks).hasSize(months.size());
        assertThat(weeks.get(0)).startsWith("  2024-W06 (January 2024): 2 file(s); ");
        assertThat(weeks.get(23)).startsWith("  2026-W02 (December 2025): 2 file(s); ");
        int leadEmails = weeks.stream().mapToInt(l -> number(l, "(\\d+) lead email\\(s\\) sent")).sum();
        assertThat(weeks).allSatisfy(l -> assertThat(l).contains("digest sent: "));
        assertThat(run.out()).contains("demo: done. 48 file(s) loaded, 0 rejected, over 24 weeks; " + leadEmails
                + " lead email(s) and 24 digest(s) sent").doesNotContain("pending");
        assertThat(run.out().lines().filter(l -> l.startsWith("demo: "))).hasSize(4);   // history, where to look, done, store

        // every week's digest archived, each sent to the board once
        List<Path> digests = list(out.resolve("digests"));
        assertThat(digests).hasSize(24);
        assertThat(Files.readString(digests.get(23).resolve("digest.html"))).contains("December 2025");
        List<Path> emails = list(out.resolve("mail"));
        assertThat(emails).filteredOn(p -> p.toString().endsWith("performance-board@example.org.eml")).hasSize(24);
        assertThat(emails.size() - 24).isEqualTo(leadEmails);
        Set<String> leads = ConfigLoader.load(Path.of("config")).people().roles().values().stream()
                .flatMap(List::stream).map(Person::email).collect(Collectors.toSet());
        Session session = Session.getInstance(new Properties());
        String ack = null;
        for (Path eml : emails.stream().filter(p -> !p.toString().endsWith("performance-board@example.org.eml")).limit(10).toList()) {
            MimeMessage m;
            try (InputStream in = Files.newInputStream(eml)) { m = new MimeMessage(session, in); }
            assertThat(((InternetAddress) m.getRecipients(Message.RecipientType.TO)[0]).getAddress()).isIn(leads);
            assertThat(m.getSubject().length()).isLessThan(100);
            Multipart alternative = (Multipart) m.getContent();
            assertThat(alternative.getBodyPart(0).isMimeType("text/plain")).isTrue();
            String text = (String) alternative.getBodyPart(0).getContent();
            java.util.regex.Matcher a = java.util.regex.Pattern.compile("perfalert (ack \\d+) --by").matcher(text);
            if (ack == null && a.find()) ack = a.group(1);
        }
        assertThat(ack).as("an email prints the ack command").isNotNull();

        // the command printed in the email works on the demo's store (here: a configuration naming where it is)
        Path config = out.resolve("config");
        Files.createDirectories(config);
        for (String f : List.of("metrics.yaml", "areas.yaml", "people.yaml")) Files.copy(Path.of("config", f), config.resolve(f));
        Files.writeString(config.resolve("application.properties"), "store.url=jdbc:h2:file:"
                + data.toAbsolutePath().resolve("perfalert").toString().replace('\\', '/') + "\nmail.mode=file\nmail.file.dir=" + out.resolve("mail2").toString().replace('\\', '/') + "\n");
        String[] ackArgs = (ack + " --by Demo --config " + config).split(" ");
        CliRun acked = CliRun.run(ackArgs);
        assertThat(acked.exit()).as(acked.err()).isZero();
        assertThat(acked.out()).startsWith("acknowledged alert " + ack.substring(4));
        assertThat(CliRun.run("recipients", "--month", "2025-12", "--config", config.toString()).exit()).isZero();

        // a store the demo did not make is never overwritten
        Files.delete(data.resolve(DemoCommand.MARK));
        CliRun refused = CliRun.run("demo", "--once", "--out", out.toString(), "--data", data.toString(), "--http-port", "0");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("holds a store the demo did not make");
        assertThat(data.resolve("perfalert.mv.db")).exists();
    }

    private static int number(String line, String pattern) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(pattern).matcher(line);
        assertThat(m.find()).as(line).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static List<Path> list(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) { return s.sorted().toList(); }
    }
}
