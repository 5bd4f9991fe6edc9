package org.perfalert.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class DemoFeederTest {
    static final Path REPO = Path.of(System.getProperty("perfalert.repo", ".")).toAbsolutePath();

    @Test
    void feedsAMonthAWeekAfterTheBoardHistory(@TempDir Path dir) throws Exception {
        List<YearMonth> months = DemoFeeder.months(REPO);
        assertThat(months).hasSize(24).startsWith(YearMonth.of(2024, 1)).endsWith(YearMonth.of(2025, 12)).isSorted();
        List<String> board = Files.readAllLines(REPO.resolve(DemoFeeder.BOARD));

        // the history: every board row before the first police.uk month, the same header
        Path history = DemoFeeder.history(REPO, dir.resolve("history"), months.get(0));
        List<String> h = Files.readAllLines(history);
        assertThat(h.get(0)).isEqualTo(board.get(0));
        assertThat(h.subList(1, h.size())).containsExactlyInAnyOrderElementsOf(board.stream().skip(1).filter(l -> l.compareTo("2024-01") < 0).toList())
                .isNotEmpty();

        // one week: that month's police.uk file as published and its board rows, nothing else
        Path inbox = dir.resolve("inbox");
        YearMonth month = YearMonth.of(2025, 3);
        List<String> names = DemoFeeder.month(REPO, inbox, month);
        assertThat(names).containsExactly("2025-03-board-measures.csv", "2025-03-cambridgeshire-street.csv.gz");
        assertThat(DemoFeeder.countMonth(REPO, month)).isEqualTo(names.size());
        try (Stream<Path> s = Files.list(inbox)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList()).isEqualTo(names); // no hidden leftovers
        }
        List<String> oneMonth = Files.readAllLines(inbox.resolve("2025-03-board-measures.csv"));
        assertThat(oneMonth.get(0)).isEqualTo(board.get(0));
        assertThat(oneMonth.subList(1, oneMonth.size())).containsExactlyInAnyOrderElementsOf(board.stream().filter(l -> l.startsWith("2025-03,")).toList());
        assertThat(inbox.resolve("2025-03-cambridgeshire-street.csv.gz"))
                .hasSameBinaryContentAs(REPO.resolve(DemoFeeder.STREET).resolve("2025-03-cambridgeshire-street.csv.gz"));
    }
}
