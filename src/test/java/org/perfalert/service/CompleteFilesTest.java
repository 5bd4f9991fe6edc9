package org.perfalert.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfalert.service.ServiceFixture.await;
import static org.perfalert.service.ServiceFixture.names;

/**
 * Files still being written are not read (issue 18, failure 5): under a hidden name until renamed, or, with
 * inbox.complete=done-file, until their done-marker is there. A later file of the same poll shows that the inbox
 * looked at the incomplete one and left it.
 */
class CompleteFilesTest {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String HEADER = "month,metric,area_type,area,value\n";

    @Test
    void aFileUnderAHiddenNameIsReadOnlyOnceRenamed(@TempDir Path tmp) throws Exception {
        try (ServiceFixture f = new ServiceFixture(tmp)) {
            Path hidden = Files.writeString(f.inbox.resolve(".a.csv.part"), HEADER + "2020-01,calls_999,force,Cambridgeshire,15");
            f.drop("z.csv", HEADER + "2020-03,calls_999,force,Cambridgeshire,30\n");
            await("z.csv processed", DEADLINE, () -> names(f.inbox.resolve("processed")).contains("z.csv"));
            assertThat(hidden).exists();
            assertThat(f.parts.store().observations().all()).hasSize(1);

            Files.writeString(hidden, "23\n", StandardOpenOption.APPEND);
            Files.move(hidden, f.inbox.resolve("a.csv"));
            await("a.csv processed", DEADLINE, () -> names(f.inbox.resolve("processed")).contains("a.csv"));
            assertThat(f.parts.store().observations().all()).anySatisfy(o -> assertThat(o.value()).isEqualTo(1523.0));
        }
    }

    @Test
    void withDoneFilesAFileIsReadOnlyOnceItsMarkerIsThereAndTheMarkerGoes(@TempDir Path tmp) throws Exception {
        try (ServiceFixture f = new ServiceFixture(tmp, 0, Map.of("inbox.complete", "done-file"), Map.of())) {
            // a writer appends to a.csv in place, pausing longer than any size-and-age check would wait
            Path a = Files.writeString(f.inbox.resolve("a.csv"), HEADER + "2020-01,calls_999,force,Cambridgeshire,15");
            Files.setLastModifiedTime(a, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000));
            Files.writeString(f.inbox.resolve("b.csv"), HEADER + "2020-03,calls_999,force,Cambridgeshire,30\n");
            Files.writeString(f.inbox.resolve("b.csv.done"), "");
            await("b.csv processed", DEADLINE, () -> names(f.inbox.resolve("processed")).contains("b.csv"));
            assertThat(a).exists();
            assertThat(names(f.inbox)).containsExactly("a.csv", "processed");   // b's marker went with it

            Files.writeString(a, "23\n2020-02,calls_999,force,Cambridgeshire,16\n", StandardOpenOption.APPEND);
            Files.writeString(f.inbox.resolve("a.csv.done"), "");
            await("a.csv processed", DEADLINE, () -> names(f.inbox.resolve("processed")).contains("a.csv"));
            assertThat(f.parts.store().observations().all()).extracting(o -> o.value()).containsExactlyInAnyOrder(1523.0, 16.0, 30.0);
            assertThat(names(f.inbox)).containsExactly("processed");
        }
    }
}
