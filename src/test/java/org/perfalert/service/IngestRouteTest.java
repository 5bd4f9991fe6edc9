package org.perfalert.service;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfalert.service.ServiceFixture.await;
import static org.perfalert.service.ServiceFixture.names;

/** The ingest route with the real Camel context, store, rules, alert pipeline and an SMTP server. */
class IngestRouteTest {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String HEADER = "month,metric,area_type,area,value\n";

    @Test
    void aDroppedFileEndsInProcessedAndAsAnEmailToTheMetricsOwner(@TempDir Path tmp) throws Exception {
        try (ServiceFixture f = new ServiceFixture(tmp)) {
            // given a figure above the metric's limit (abandonment_101_secondary: above 20, owner demand-hub)
            f.drop("abandonment.csv", HEADER + "2020-04,abandonment_101_secondary,force,Cambridgeshire,35.5\n");

            // then the file is filed as processed, with its report, and the lead gets an email
            await("abandonment.csv in processed/", DEADLINE, () -> names(f.inbox.resolve("processed")).contains("abandonment.csv"));
            assertThat(names(f.inbox.resolve("processed"))).contains("abandonment.csv.report.txt");
            assertThat(Files.exists(f.inbox.resolve("abandonment.csv"))).isFalse();
            await("an email in GreenMail", DEADLINE, () -> f.received().length >= 1);
            MimeMessage mail = f.received()[0];
            assertThat(mail.getRecipients(Message.RecipientType.TO)[0].toString()).contains("demand-hub@example.org");
            assertThat(mail.getContentType()).startsWith("multipart/alternative");
            assertThat(ServiceFixture.text(mail)).contains("above the limit");
            assertThat(f.parts.store().observations().upTo(YearMonth.of(2020, 4))).hasSize(1);
        }
    }

    @Test
    void aBadFileEndsInRejectedWithItsReportAndNothingIsStored(@TempDir Path tmp) throws Exception {
        try (ServiceFixture f = new ServiceFixture(tmp)) {
            // a good row and a bad one: the file is loaded whole or not at all
            f.drop("bad.csv", HEADER + "2020-04,calls_999,force,Cambridgeshire,1200\n"
                    + "2020-05,calls_999,force,Cambridgeshire,twelve\n");

            await("bad.csv in rejected/", DEADLINE, () -> names(f.inbox.resolve("rejected")).contains("bad.csv"));
            Path report = f.inbox.resolve("rejected").resolve("bad.csv.report.txt");
            assertThat(report).exists();
            assertThat(Files.readString(report)).contains("3").containsIgnoringCase("twelve");
            assertThat(f.parts.store().observations().all()).isEmpty();
            assertThat(names(f.inbox.resolve("processed"))).isEmpty();
        }
    }

    @Test
    void aHundredFilesDroppedAtOnceAreEachProcessedOnce(@TempDir Path tmp) throws Exception {
        try (ServiceFixture f = new ServiceFixture(tmp)) {
            NotifyBuilder hundred = new NotifyBuilder(f.service.camel()).fromRoute("ingest").whenDone(100).create();
            NotifyBuilder exactly = new NotifyBuilder(f.service.camel()).fromRoute("ingest").whenExactlyDone(101).create();
            YearMonth first = YearMonth.of(2010, 1);
            for (int i = 0; i < 100; i++)
                f.drop(String.format("calls-%03d.csv", i), HEADER + first.plusMonths(i) + ",calls_999,force,Cambridgeshire," + (1000 + i) + "\n");

            assertThat(hundred.matches(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
            // a last file, dropped after the hundred were done, is taken by a later poll: had any of the
            // hundred been picked up again, the route would have seen more than 101 files by then
            f.drop("zz-last.csv", HEADER + "2019-01,calls_999,force,Cambridgeshire,999\n");
            assertThat(exactly.matches(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(names(f.inbox.resolve("processed"))).contains("zz-last.csv");
            assertThat(names(f.inbox.resolve("processed")).stream().filter(n -> n.endsWith(".csv"))).hasSize(101);
            assertThat(f.parts.store().observations().all()).hasSize(101);
        }
    }
}
