package org.perfalert.ingest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** File names as logs show them (no forged lines) and as file systems take them (at most 255 bytes). */
class FileNamesTest {
    @Test
    void aNameIsQuotedWithItsControlCharactersEscaped() {
        assertThat(FileNames.shown("evil\nINFO perfalert.ingest - file loaded file=\"x.csv\"\r.csv"))
                .isEqualTo("\"evil\\nINFO perfalert.ingest - file loaded file=\\\"x.csv\\\"\\r.csv\"")
                .doesNotContain("\n", "\r");
        assertThat(FileNames.shown("tab\there\u0007\u202e.csv")).isEqualTo("\"tab\\there\\u0007\\u202e.csv\"");
        assertThat(FileNames.shown("2024-01 Cambridge – street.csv")).isEqualTo("\"2024-01 Cambridge – street.csv\"");
    }

    @ParameterizedTest
    @CsvSource({"a.csv, .report.txt, a.csv.report.txt", "b.csv, .2.csv, b.csv.2.csv"})
    void aShortNameIsKept(String name, String suffix, String expected) {
        assertThat(FileNames.fit(name, suffix)).isEqualTo(expected);
    }

    @Test
    void aLongNameIsCutToFitWithATagThatKeepsTwoLongNamesApart() {
        String a = "x".repeat(250) + "a.csv", b = "x".repeat(250) + "b.csv";
        String fa = FileNames.fit(a, ".report.txt"), fb = FileNames.fit(b, ".report.txt");
        assertThat(fa.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(255);
        assertThat(fa).endsWith(".report.txt").startsWith("xxxx").isNotEqualTo(fb);
        // multi-byte characters are never cut in half
        String greek = "α".repeat(127) + ".csv";
        String fg = FileNames.fit(greek, ".report.txt");
        assertThat(fg.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(255);
        assertThat(new String(fg.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(fg).contains("αα");
    }
}
