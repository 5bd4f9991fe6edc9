package org.perfalert.service;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.apache.camel.builder.NotifyBuilder;
import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.Test;
import org.perfalert.fixtures.LogCapture;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfalert.service.ServiceFixture.await;
import static org.perfalert.service.ServiceFixture.names;

/** Hot reload through the running service: the reload route, the real rule compiler, the outbox and SMTP. */
class ReloadTest {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String HEADER = "month,metric,area_type,area,value\n";

    @Test
    void aValidRuleChangeTakesEffectOnTheNextEvaluation(@TempDir Path tmp) throws Exception {
        try (ServiceFixture f = new ServiceFixture(tmp)) {
            String before = f.parts.rules().current().hash();
            f.drop("a.csv", HEADER + "2020-04,abandonment_101_secondary,force,Cambridgeshire,35.5\n");
            await("the first email", DEADLINE, () -> f.received().length == 1);
            assertThat(ServiceFixture.text(f.received()[0])).contains("above the limit");

            // an analyst rewords the threshold rule
            Path thresholds = f.rules.resolve("thresholds.drl");
            Files.writeString(thresholds, Files.readString(thresholds).replace("above the limit of", "over the agreed limit of"));
            await("the new rules in force", DEADLINE, () -> !f.parts.rules().current().hash().equals(before));

            // (July, not May: a limit still exceeded the month after is "continuing" and waits for the digest)
            f.drop("b.csv", HEADER + "2020-07,abandonment_101_secondary,force,Cambridgeshire,36.5\n");
            await("the second email", DEADLINE, () -> f.received().length == 2);
            assertThat(ServiceFixture.text(f.received()[1])).contains("over the agreed limit of");
        }
    }

    @Test
    void aBrokenRuleChangeLeavesTheOldRulesWorkingAndTellsTheAnalystsOnce(@TempDir Path tmp) throws Exception {
        try (ServiceFixture f = new ServiceFixture(tmp); LogCapture log = LogCapture.of("perfalert.reload")) {
            String running = f.parts.rules().current().hash();

            // an analyst saves a rule file with a mistake on line 4
            Files.writeString(f.rules.resolve("broken.drl"), """
                    package perfalert.broken
                    import org.perfalert.rules.Series
                    rule "half-written"
                    when $s : Series( value >>> 3 )
                    then
                    end
                    """);
            await("the broken version noticed", DEADLINE, () -> !f.parts.rules().lastProblems().isEmpty());
            List<String> problems = f.parts.rules().lastProblems();
            assertThat(problems).anySatisfy(p -> assertThat(p).contains("broken.drl:").containsPattern("broken\\.drl:\\d+"));
            assertThat(f.parts.rules().current().hash()).isEqualTo(running);
            assertThat(log.at(Level.ERROR)).anySatisfy(l -> assertThat(l).startsWith("rules NOT reloaded").endsWith("kept=" + running))
                    .anySatisfy(l -> assertThat(l).contains("broken.drl:"));

            // the old rules still work: a figure above the limit still reaches its lead
            f.drop("a.csv", HEADER + "2020-04,abandonment_101_secondary,force,Cambridgeshire,35.5\n");
            await("the lead's email and the analysts' email", DEADLINE, () -> f.received().length == 2);
            assertThat(names(f.inbox.resolve("processed"))).contains("a.csv");

            // several more looks at the unchanged broken folder, and a further send: still one email to the analysts
            NotifyBuilder looks = new NotifyBuilder(f.service.camel()).fromRoute("reload").whenDone(3).create();
            NotifyBuilder sends = new NotifyBuilder(f.service.camel()).fromRoute("notify").whenDone(3).create();
            assertThat(looks.matches(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(sends.matches(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
            List<MimeMessage> toAnalysts = Arrays.stream(f.received()).filter(m -> to(m).contains("analysts@example.org")).toList();
            assertThat(toAnalysts).hasSize(1);
            assertThat(ServiceFixture.text(toAnalysts.get(0))).contains("broken.drl:");
            assertThat(Arrays.stream(f.received()).filter(m -> to(m).contains("demand-hub@example.org"))).hasSize(1);
        }
    }

    private static String to(MimeMessage m) {
        try {
            return Arrays.toString(m.getRecipients(Message.RecipientType.TO));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
