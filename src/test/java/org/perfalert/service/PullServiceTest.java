package org.perfalert.service;

import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfalert.service.ServiceFixture.await;

/**
 * A source in config/sources.yaml, pulled by the running service on its schedule: the figures are loaded,
 * evaluated with the rules in force and the alert reaches the metric's owner by email, as for a dropped file.
 */
class PullServiceTest {
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Test
    void aWebSourceOnItsScheduleEndsAsAnEmailToTheMetricsOwner(@TempDir Path tmp) throws Exception {
        HttpServer web = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        web.createContext("/figures/", ex -> {
            String month = ex.getRequestURI().getPath().replaceAll(".*/(\\d{4}-\\d{2})\\.csv$", "$1");
            byte[] body = ("month,metric,area_type,area,value\n" + month + ",abandonment_101_secondary,force,Cambridgeshire,35.5\n")
                    .getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream o = ex.getResponseBody()) { o.write(body); }
        });
        web.start();
        String sources = "sources:\n  - name: open-data\n    kind: http\n    months: 1\n    schedule: \"* * * * * ?\"\n"
                + "    url: http://127.0.0.1:" + web.getAddress().getPort() + "/figures/{month}.csv\n";
        try (ServiceFixture f = new ServiceFixture(tmp, 0, Map.of("pull.tick.ms", "100"), Map.of("sources.yaml", sources))) {
            await("an email in GreenMail", DEADLINE, () -> f.received().length >= 1);

            MimeMessage mail = f.received()[0];
            assertThat(mail.getRecipients(Message.RecipientType.TO)[0].toString()).contains("demand-hub@example.org");
            assertThat(ServiceFixture.text(mail)).contains("above the limit");
            assertThat(f.parts.store().observations().all()).singleElement()
                    .satisfies(o -> assertThat(o.metric()).isEqualTo("abandonment_101_secondary"));
        } finally {
            web.stop(0);
        }
    }
}
