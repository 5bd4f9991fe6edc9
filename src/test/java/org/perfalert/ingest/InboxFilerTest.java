package org.perfalert.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.*;

class InboxFilerTest {
    @TempDir Path inbox;

    @Test
    void aLoadedFileGoesToProcessedWithItsReport() throws Exception {
        Path f = Files.writeString(inbox.resolve("a.csv"), "data");

        Path moved = new InboxFiler(inbox).file(f, true, "report A");

        assertThat(moved).isEqualTo(inbox.resolve("processed/a.csv"));
        assertThat(f).doesNotExist();
        assertThat(moved).hasContent("data");
        assertThat(inbox.resolve("processed/a.csv.report.txt")).hasContent("report A");
    }

    @Test
    void aRefusedFileGoesToRejectedAndNothingIsOverwritten() throws Exception {
        InboxFiler filer = new InboxFiler(inbox);
        filer.file(Files.writeString(inbox.resolve("2024-01-x-street.csv.gz"), "first"), false, "report 1");

        Path second = filer.file(Files.writeString(inbox.resolve("2024-01-x-street.csv.gz"), "second"), false, "report 2");

        assertThat(second).isEqualTo(inbox.resolve("rejected/2024-01-x.2-street.csv.gz"));
        assertThat(inbox.resolve("rejected/2024-01-x-street.csv.gz")).hasContent("first");
        assertThat(inbox.resolve("rejected/2024-01-x-street.csv.gz.report.txt")).hasContent("report 1");
        assertThat(second).hasContent("second");
        assertThat(inbox.resolve("rejected/2024-01-x.2-street.csv.gz.report.txt")).hasContent("report 2");
        assertThat(InputKind.of(second)).contains(InputKind.POLICE_UK_STREET);
    }

    @ParameterizedTest
    @CsvSource({"a.csv,3,a.3.csv", "b.JSON,2,b.2.JSON", "x-street.csv,2,x.2-street.csv", "notes,2,notes.2", "a.csv,1,a.csv",
            "board.csv.gz,2,board.2.csv.gz", "board.Json.Gz,4,board.4.Json.Gz"})
    void numberedNamesKeepTheirKind(String name, int n, String expected) {
        assertThat(InboxFiler.numbered(name, n)).isEqualTo(expected);
        assertThat(InputKind.of(Path.of(expected))).isEqualTo(InputKind.of(Path.of(name)));
    }
}
