package org.perfalert.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class DemoFeederTest {
    static final Path REPO = Path.of(System.getProperty("perfalert.repo", ".")).toAbsolutePath();

    @Test
    void feedsTheBoardMeasuresMonthByMonthAndThePoliceUkFilesAsPublished(@TempDir Path inbox) throws Exception {
        List<String> names = DemoFeeder.feed(REPO, inbox);

        List<String> board = Files.readAllLines(REPO.resolve(DemoFeeder.BOARD));
        long months = board.stream().skip(1).map(l -> l.substring(0, 7)).distinct().count();
        long street;
        try (Stream<Path> s = Files.list(REPO.resolve(DemoFeeder.STREET))) { street = s.count(); }
        assertThat(names).hasSize((int) (months + street)).isSorted();
        assertThat(DemoFeeder.count(REPO)).isEqualTo(names.size());
        try (Stream<Path> s = Files.list(inbox)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList()).isEqualTo(names); // no hidden leftovers
        }

        // one month's file: the same header, that month's rows only, every row of it
        String month = board.get(1).substring(0, 7);
        List<String> oneMonth = Files.readAllLines(inbox.resolve(month + "-board-measures.csv"));
        assertThat(oneMonth.get(0)).isEqualTo(board.get(0));
        assertThat(oneMonth.subList(1, oneMonth.size())).isNotEmpty().allSatisfy(l -> assertThat(l).startsWith(month + ","))
                .hasSameSizeAs(board.stream().filter(l -> l.startsWith(month + ",")).toList());
        assertThat(inbox.resolve("2024-01-cambridgeshire-street.csv.gz"))
                .hasSameBinaryContentAs(REPO.resolve(DemoFeeder.STREET).resolve("2024-01-cambridgeshire-street.csv.gz"));
    }
}
