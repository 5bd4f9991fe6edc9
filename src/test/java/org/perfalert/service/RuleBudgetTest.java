package org.perfalert.service;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfalert.fixtures.Spin;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfalert.service.ServiceFixture.await;
import static org.perfalert.service.ServiceFixture.names;

/**
 * Rules that hang (issue 18, failure 4), through the running service: a new version is tried on the stored figures
 * before it replaces the old one, and a rule that goes over the budget at run time stops evaluation (health DOWN, the
 * analysts told) while files are still loaded and emails still sent; once the rule is fixed, what is owed is evaluated.
 */
class RuleBudgetTest {
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final String HEADER = "month,metric,area_type,area,value\n";
    private static final Map<String, String> TWO_SECONDS = Map.of("evaluate.budget.seconds", "2");

    @AfterEach
    void release() { Spin.release(); }

    static String spinRule(String name, String condition) {
        return "package perfalert.spin\nimport org.perfalert.rules.Series\nrule \"" + name + "\"\nwhen\n    $s : Series(" + condition
                + ")\nthen\n    while (org.perfalert.fixtures.Spin.on()) { }\nend\n";
    }

    static long mailsTo(ServiceFixture f, String address, String subjectPart) {
        return Arrays.stream(f.received()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().contains(address) && m.getSubject().contains(subjectPart);
            } catch (Exception e) {
                return false;
            }
        }).count();
    }

    @Test
    void aNewRuleThatNeverEndsFailsItsTrialAndTheOldRulesGoOn(@TempDir Path tmp) throws Exception {
        Spin.hold();
        try (ServiceFixture f = new ServiceFixture(tmp, 0, TWO_SECONDS, Map.of())) {
            String running = f.parts.rules().current().hash();
            f.drop("a.csv", HEADER + "2020-04,abandonment_101_secondary,force,Cambridgeshire,35.5\n");
            await("the first email", DEADLINE, () -> mailsTo(f, "demand-hub", "April 2020") == 1);

            // an analyst saves a rule whose action loops for ever
            Files.writeString(f.rules.resolve("spin.drl"), spinRule("spin", ""));

            await("the analysts told", DEADLINE, () -> mailsTo(f, "analysts@example.org", "not applied") == 1);
            assertThat(f.parts.rules().current().hash()).isEqualTo(running);
            assertThat(f.parts.rules().lastProblems()).singleElement().asString()
                    .contains("rule \"spin\" stopped", "did not stop when asked", "trial on the stored figures of 2020-04");
            assertThat(f.parts.abandonedRuleThreads()).isEqualTo(1);

            // the service goes on with the rules in force
            f.drop("b.csv", HEADER + "2020-07,abandonment_101_secondary,force,Cambridgeshire,36.5\n");
            await("the second email", DEADLINE, () -> mailsTo(f, "demand-hub", "July 2020") == 1);
            assertThat(f.parts.pipeline().stopped()).isEmpty();
        }
    }

    @Test
    void aRuleOverItsBudgetAtRunTimeStopsEvaluationUntilItIsFixedAndNothingIsLost(@TempDir Path tmp) throws Exception {
        Spin.hold();
        int port;
        try (ServerSocket free = new ServerSocket(0)) { port = free.getLocalPort(); }
        try (ServiceFixture f = new ServiceFixture(tmp, port, TWO_SECONDS, Map.of())) {
            // a rule that hangs only on one figure passes its trial (no such figure is stored) and is put in force
            String first = f.parts.rules().current().hash();
            Files.writeString(f.rules.resolve("spin.drl"), spinRule("spin-on-999", "value == 999"));
            await("the new rules in force", DEADLINE, () -> !f.parts.rules().current().hash().equals(first));

            f.drop("a.csv", HEADER + "2020-06,calls_999,force,Cambridgeshire,999\n");
            await("evaluation stopped", DEADLINE, () -> f.parts.pipeline().stopped().isPresent());
            await("the analysts told", DEADLINE, () -> mailsTo(f, "analysts@example.org", "rule was stopped") == 1);
            MimeMessage told = Arrays.stream(f.received()).filter(m -> {
                try { return m.getSubject().contains("rule was stopped"); } catch (Exception e) { return false; }
            }).findFirst().orElseThrow();
            assertThat(ServiceFixture.text(told)).contains("spin-on-999", "2020-06", "Nothing is lost");

            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/observe/health?data=true")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("\"evaluation\"", "evaluation is stopped until the rules change", "spin-on-999");

            // files are still loaded; their months wait
            f.drop("b.csv", HEADER + "2020-04,abandonment_101_secondary,force,Cambridgeshire,35.5\n");
            await("b.csv loaded", DEADLINE, () -> names(f.inbox.resolve("processed")).contains("b.csv"));
            assertThat(f.parts.pipeline().owed()).containsOnlyKeys(YearMonth.of(2020, 4), YearMonth.of(2020, 6));

            // the analyst takes the rule out: the new version is tried, put in force, and what is owed is evaluated
            Files.delete(f.rules.resolve("spin.drl"));
            await("nothing owed", DEADLINE, () -> f.parts.pipeline().owed().isEmpty());
            assertThat(f.parts.pipeline().stopped()).isEmpty();
            await("April's email", DEADLINE, () -> mailsTo(f, "demand-hub", "April 2020") == 1);
        }
    }
}
