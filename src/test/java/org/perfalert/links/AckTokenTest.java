package org.perfalert.links;

import org.junit.jupiter.api.Test;
import org.perfalert.config.Settings;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Signed links: what they carry, what breaks them, and the settings that turn them on. */
class AckTokenTest {
    static final String SECRET = "0123456789abcdef0123456789abcdef-links";
    final Signer signer = new Signer(SECRET);
    final Instant now = Instant.parse("2025-04-02T08:00:00Z");

    @Test
    void aTokenCarriesTheAlertTheRecipientAndItsExpiry() throws Exception {
        String t = new AckToken(12, "Bea@Example.org", now.plus(Duration.ofDays(30))).sign(signer);
        assertThat(t).matches("[A-Za-z0-9._-]+");
        assertThat(AckToken.verify(t, signer, now)).isEqualTo(new AckToken(12, "bea@example.org", now.plus(Duration.ofDays(30))));
    }

    @Test
    void anyChangeOrAnotherKeyOrAgeBreaksIt() {
        String t = new AckToken(12, "bea@example.org", now.plusSeconds(60)).sign(signer);
        String[] p = t.split("\\.");
        for (String bad : new String[]{"13." + p[1] + "." + p[2] + "." + p[3], p[0] + "." + (Long.parseLong(p[1]) + 1) + "." + p[2] + "." + p[3],
                p[0] + "." + p[1] + ".Y3Jpc0BleGFtcGxlLm9yZw." + p[3], t + "x", "", "12", null})
            assertThatThrownBy(() -> AckToken.verify(bad, signer, now)).isInstanceOf(AckToken.Invalid.class)
                    .satisfies(e -> assertThat(((AckToken.Invalid) e).expired()).isFalse());
        assertThatThrownBy(() -> AckToken.verify(t, new Signer(SECRET + "!"), now)).isInstanceOf(AckToken.Invalid.class);
        assertThatThrownBy(() -> AckToken.verify(t, signer, now.plusSeconds(60))).isInstanceOf(AckToken.Invalid.class)
                .satisfies(e -> assertThat(((AckToken.Invalid) e).expired()).isTrue());
    }

    @Test
    void linksNeedTheSecretFromTheEnvironmentAndTheServer() {
        assertThat(settings(Map.of(), Map.of()).whyOff()).contains("PERFALERT_LINK_SECRET is not set");
        assertThat(settings(Map.of("http.port", "0"), Map.of(LinkSettings.SECRET, SECRET)).whyOff()).contains("http.port is 0");
        LinkSettings on = settings(Map.of("http.port", "8443"), Map.of(LinkSettings.SECRET, SECRET));
        assertThat(on.on()).isTrue();
        assertThat(on.baseUrl()).isEqualTo("http://127.0.0.1:8443");
        assertThat(on.validity()).isEqualTo(Duration.ofDays(30));
        assertThat(settings(Map.of("http.public-url", "https://perf.example.org/alerts/", "ack.link.days", "7"),
                Map.of(LinkSettings.SECRET, SECRET)).page("T")).isEqualTo("https://perf.example.org/alerts/ack/T");
        assertThat(settings(Map.of("http.bind", "0.0.0.0"), Map.of(LinkSettings.SECRET, SECRET)).baseUrl()).isEqualTo("http://localhost:8080");
        assertThatThrownBy(() -> settings(Map.of(), Map.of(LinkSettings.SECRET, "short"))).hasMessageContaining("at least 32 characters");
        assertThatThrownBy(() -> settings(Map.of("http.public-url", "javascript:alert(1)"), Map.of()))
                .hasMessageContaining("http.public-url");
        assertThatThrownBy(() -> settings(Map.of("ack.link.days", "0"), Map.of())).hasMessageContaining("ack.link.days");
    }

    static LinkSettings settings(Map<String, String> file, Map<String, String> env) {
        Properties p = new Properties();
        p.putAll(file);
        return LinkSettings.from(new Settings(p, env));
    }
}
