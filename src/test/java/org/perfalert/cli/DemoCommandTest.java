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
        String history = run.out().lines().filter(l -> l.startsWith("demo: board history loaded and evaluated")).findFirst().orElseThrow();
        int leadEmails = number(history, "; (\\d+) lead email\\(s\\) sent for its latest months")
                + weeks.stream().mapToInt(l -> number(l, "(\\d+) lead email\\(s\\) sent")).sum();
        assertThat(weeks).allSatisfy(l -> assertThat(l).contains("digest sent: "));
        assertThat(run.out()).contains("demo: done. 48 file(s) loaded, 0 rejected, over 24 weeks; " + leadEmails
                + " lead email(s) and 24 digest(s) sent").doesNotContain("pending");
        assertThat(run.out().lines().filter(l -> l.startsWith("demo: "))).hasSize(4);   // history, where to look, done, store
        assertThat(run.out().lines().filter(l -> !l.startsWith("demo: ") && !l.startsWith("  ") && !l.startsWith("warning: "))).isEmpty();

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

        measureInChromium(out, digests, emails.stream().filter(p -> !p.toString().endsWith("performance-board@example.org.eml")).toList());

        // a store the demo did not make is never overwritten
        Files.delete(data.resolve(DemoCommand.MARK));
        CliRun refused = CliRun.run("demo", "--once", "--out", out.toString(), "--data", data.toString(), "--http-port", "0");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("holds a store the demo did not make");
        assertThat(data.resolve("perfalert.mv.db")).exists();
    }

    static final int WIDTH = 1280, SCREEN = 800;

    /**
     * What the board and the leads see, measured in one headless Chromium at 1280 px wide on the demo's own output:
     * each week's digest within two screens (1280 × 1600) above its appendix, each lead email within one screen
     * (1280 × 800) per three items. The heights are left in target/demo-heights.csv.
     */
    private static void measureInChromium(Path out, List<Path> digests, List<Path> emails) throws Exception {
        org.perfalert.digest.Chromium.require();
        StringBuilder csv = new StringBuilder("page,items,height px,limit px\n");
        List<String> over = new java.util.ArrayList<>();
        try (org.perfalert.ack.Browser browser = new org.perfalert.ack.Browser(out.resolve("chromium-profile"))) {
            browser.size(WIDTH, SCREEN);
            for (Path week : digests) {
                browser.open(week.resolve("digest.html").toUri().toString());
                assertThat(browser.evaluate("!!document.getElementById('appendix')").asBoolean()).as("the appendix is marked").isTrue();
                int h = browser.height("appendix");
                csv.append("digest ").append(week.getFileName()).append(",,").append(h).append(',').append(2 * SCREEN).append('\n');
                if (h > 2 * SCREEN) over.add("digest " + week.getFileName() + ": " + h + " px");
            }
            Path pages = out.resolve("email-pages");
            Files.createDirectories(pages);
            for (Path eml : emails) {
                org.perfalert.notify.MailReading m;
                try (InputStream in = Files.newInputStream(eml)) {
                    m = org.perfalert.notify.MailReading.of(new MimeMessage(Session.getInstance(new Properties()), in));
                }
                int items = m.html().split("id=\"item-", -1).length - 1;
                assertThat(items).as(m.subject()).isPositive();
                Path html = pages.resolve(eml.getFileName() + ".html");
                Files.writeString(html, m.html());   // the charts keep their place by their width and height
                browser.open(html.toUri().toString());
                int h = browser.height("");
                int limit = SCREEN * ((items + 2) / 3);
                csv.append(eml.getFileName()).append(',').append(items).append(',').append(h).append(',').append(limit).append('\n');
                if (h > limit) over.add(eml.getFileName() + " (" + items + " items): " + h + " px");
            }
        }
        Files.writeString(Path.of("target/demo-heights.csv"), csv);
        assertThat(over).as("pages over their height (target/demo-heights.csv)").isEmpty();
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
