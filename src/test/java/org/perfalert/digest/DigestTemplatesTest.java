package org.perfalert.digest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The templates in config/templates/ are the built-in ones, and a template there replaces the built-in one. */
class DigestTemplatesTest {
    @TempDir Path dir;

    @Test
    void theConfigCopiesMatchTheBuiltIns() throws Exception {
        for (String name : List.of(DigestRenderer.HTML, DigestRenderer.TEXT))
            try (InputStream in = DigestRenderer.class.getResourceAsStream("/templates/" + name)) {
                assertThat(Files.readString(Path.of("config/templates", name)))
                        .as("config/templates/" + name + " differs from the built-in template")
                        .isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
    }

    @Test
    void aConfiguredTemplateWinsAndStillEscapes() throws Exception {
        Files.writeString(dir.resolve(DigestRenderer.HTML), "<p>Week ${d.week} for ${d.title}</p>");
        Digest d = empty("Board <b>papers</b>");
        assertThat(new DigestRenderer(dir).html(d, n -> n)).isEqualTo("<p>Week 2025-W48 for Board &lt;b&gt;papers&lt;/b&gt;</p>");
        assertThat(new DigestRenderer(dir).text(d)).startsWith("PERFORMANCE DIGEST, WEEK 2025-W48");   // built-in text
    }

    @Test
    void aBrokenTemplateSaysWhich() throws Exception {
        Files.writeString(dir.resolve(DigestRenderer.TEXT), "${d.nonsense}");
        assertThatThrownBy(() -> new DigestRenderer(dir).text(empty("t"))).hasMessageContaining("digest template digest.txt.ftl");
    }

    private static Digest empty(String title) {
        return new Digest(DigestWeek.parse("2025-W48", ZoneId.of("Europe/London")), title, "p", List.of(), null,
                new Digest.Counts(0, 0, 0, 0, 0, 0, 0, 0), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), 0, 0, Map.of(), List.of(), 0, 2);
    }
}
