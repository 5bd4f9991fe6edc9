package org.perfalert.ack;

import org.junit.jupiter.api.Test;
import org.perfalert.links.Signer;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The form's anti-forgery value: made for one link, for a while, by this service only. */
class FormGuardTest {
    final FormGuard guard = new FormGuard(new Signer("0123456789abcdef0123456789abcdef-form"));
    final Instant now = Instant.parse("2025-04-02T08:00:00Z");

    @Test
    void aValueCountsForItsOwnLinkWhileFresh() {
        String v = guard.issue("12.1750000000.YQ.sig", now);
        assertThat(guard.refusal(v, "12.1750000000.YQ.sig", now.plusSeconds(3600))).isNull();
        assertThat(guard.issue("12.1750000000.YQ.sig", now)).as("a new nonce every time").isNotEqualTo(v);
        assertThat(guard.refusal(v, "13.1750000000.YQ.sig", now)).contains("not one this page made");
        assertThat(guard.refusal(v, "12.1750000000.YQ.sig", now.plus(FormGuard.VALID).plusSeconds(1))).contains("too old");
        assertThat(guard.refusal(null, "12.1750000000.YQ.sig", now)).contains("without its anti-forgery value");
        assertThat(new FormGuard(new Signer("another-secret-another-secret-another")).refusal(v, "12.1750000000.YQ.sig", now))
                .contains("not one this page made");
    }
}
