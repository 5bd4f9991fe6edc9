package org.perfalert.notify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HeaderSafetyTest {
    @Test
    void lineBreaksAndControlCharactersBecomeSpaces() {
        assertThat(HeaderSafety.oneLine("Fenland\r\nBcc: evil@example.org\u0000\u2028x", 200))
                .isEqualTo("Fenland Bcc: evil@example.org x");
    }

    @Test
    void longTextIsCut() {
        assertThat(HeaderSafety.oneLine("a".repeat(300), 50)).hasSize(50).endsWith("…");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jane@example.org\r\nBcc: evil@example.org", "jane@example.org, evil@example.org",
            "Jane <jane@example.org>", "jane", "jane@", "@example.org", "jane@exa mple.org", ""})
    void badAddressesAreRefusedWithTheirPlace(String address) {
        assertThatThrownBy(() -> HeaderSafety.address(address, "Jane", "role crime-lead"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("role crime-lead")
                .hasMessageContaining("not a valid email address");
    }

    @Test
    void aDisplayNameCannotCarryALineBreak() {
        assertThat(HeaderSafety.address("jane@example.org", "Jane\r\nBcc: evil@example.org", "x").toString())
                .doesNotContain("\r").doesNotContain("\n");
    }
}
