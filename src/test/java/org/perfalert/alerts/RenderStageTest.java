package org.perfalert.alerts;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.perfalert.config.Person;
import org.perfalert.evaluate.SeriesHistory;
import org.perfalert.notify.MailReading;
import org.perfalert.notify.Mailer;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfalert.alerts.AlertTestSupport.*;
import static org.perfalert.alerts.StageFixtures.MAR;
import static org.perfalert.model.Direction.CONCERN;
import static org.perfalert.model.Severity.HIGH;

/** Stage 6: each lead's email of the plan composed, its subject, the items over the limit, a chart per series. */
class RenderStageTest {
    @TempDir Path dir;

    @ParameterizedTest(name = "{0} {1} item(s) in {2} series, {3} held back, history {4} -> \"{5}\", {6} chart(s)")
    @CsvSource({
            "new,       1, 1, 0, true,  '[perfalert] March 2025: ', 1",
            "new,       3, 2, 4, true,  '[perfalert] March 2025: ', 2",
            "new,       2, 1, 0, false, '[perfalert] March 2025: ', 0",
            "withdrawn, 1, 1, 0, true,  '[perfalert] Withdrawn, March 2025: ', 1",
    })
    void composes(String status, int items, int series, int heldBack, boolean history, String subject, int charts) throws Exception {
        RenderStage stage = new RenderStage(new EmailRenderer(new Mailer("perfalert@example.org", null), config(dir, "").catalogue()));
        List<AlertItem> list = new ArrayList<>();
        for (int i = 0; i < items; i++)
            list.add(AlertItem.of(i + 1, AlertStatus.parse(status),
                    exception("rule-" + i, "burglary", i % series == 0 ? "Fenland" : "Cambridge", MAR, HIGH, CONCERN, 40 + i)));
        Person bea = new Person("Bea Burglary", "bea@example.org");
        EmailPlan plan = new EmailPlan(MAR, List.of(), List.of(), List.of(new EmailPlan.LeadEmail(bea, list, heldBack)));

        List<RenderStage.Rendered> out = stage.render(plan, history ? HISTORY : SeriesHistory.NONE, Instant.parse("2025-04-02T08:00:00Z"));

        assertThat(out).singleElement().satisfies(r -> {
            assertThat(r.email().lead()).isEqualTo(bea);
            assertThat(r.mail().recipient()).isEqualTo("bea@example.org");
            assertThat(r.mail().subject()).startsWith(subject);
            MailReading read = MailReading.of(new jakarta.mail.internet.MimeMessage(jakarta.mail.Session.getInstance(new Properties()),
                    new ByteArrayInputStream(r.mail().mime().getBytes(StandardCharsets.ISO_8859_1))));
            assertThat(read.imageCids()).hasSize(charts);
            assertThat(read.messageId()).isEqualTo(r.mail().messageId());
            if (heldBack > 0) assertThat(read.text()).contains(heldBack + " more exceptions of lower importance will be in the weekly digest");
            else assertThat(read.text()).doesNotContain("more exception");
        });
    }
}
