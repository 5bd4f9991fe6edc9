package org.perfalert.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.time.YearMonth;
import java.util.*;
import java.util.stream.Stream;

/**
 * Feeds the repository's sample data into an inbox a month at a time, as a force would: the month's police.uk
 * street file as published and the month's board measures as one tidy CSV; the board measures before the first
 * police.uk month are history, loaded before the first week. Each file is written under a hidden name then renamed,
 * so the service never sees half a file.
 */
public final class DemoFeeder {
    public static final Path BOARD = Path.of("samples", "board-measures", "board-measures.csv");
    public static final Path STREET = Path.of("samples", "policeuk", "street");

    private DemoFeeder() { }

    /** The months the demo feeds, one per simulated week: those of the police.uk files (2024-01 .. 2025-12). */
    public static List<YearMonth> months(Path repo) throws IOException {
        Path street = repo.resolve(STREET);
        if (!Files.isDirectory(street)) throw new NoSuchFileException(street + " (the demo runs from the repository's top folder)");
        try (Stream<Path> s = Files.list(street)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("-street.csv.gz"))
                    .map(n -> YearMonth.parse(n.substring(0, 7))).sorted().toList();
        }
    }

    /** The board measures before `first` as one tidy CSV in dir (the history loaded before the first week); its path. */
    public static Path history(Path repo, Path dir, YearMonth first) throws IOException {
        Files.createDirectories(dir);
        SortedMap<String, List<String>> byMonth = new TreeMap<>();
        String header = readBoard(repo.resolve(BOARD), byMonth);
        List<String> lines = new ArrayList<>();
        lines.add(header);
        byMonth.headMap(first.toString()).values().forEach(lines::addAll);
        String name = byMonth.isEmpty() ? "board-history.csv" : byMonth.firstKey() + "-to-" + first.minusMonths(1) + "-board-history.csv";
        Path file = dir.resolve(name);
        Files.write(file, String.join("\n", lines).concat("\n").getBytes(StandardCharsets.UTF_8));
        return file;
    }

    /** How many files month() drops for the month. */
    public static int countMonth(Path repo, YearMonth month) throws IOException {
        int n;
        try (Stream<Path> s = Files.list(repo.resolve(STREET))) { n = (int) s.filter(p -> p.getFileName().toString().startsWith(month + "-")).count(); }
        try (Stream<String> lines = Files.lines(repo.resolve(BOARD), StandardCharsets.UTF_8)) {
            return n + (lines.anyMatch(l -> l.startsWith(month + ",")) ? 1 : 0);
        }
    }

    /** Drops one month's files into the inbox, as a force sends them: its police.uk file and its board measures. */
    public static List<String> month(Path repo, Path inbox, YearMonth month) throws IOException {
        Files.createDirectories(inbox);
        List<String> names = new ArrayList<>();
        SortedMap<String, List<String>> byMonth = new TreeMap<>();
        String header = readBoard(repo.resolve(BOARD), byMonth);
        List<String> rows = byMonth.get(month.toString());
        if (rows != null) {
            String name = month + "-board-measures.csv";
            List<String> lines = new ArrayList<>();
            lines.add(header);
            lines.addAll(rows);
            drop(inbox, name, String.join("\n", lines).concat("\n").getBytes(StandardCharsets.UTF_8));
            names.add(name);
        }
        try (Stream<Path> s = Files.list(repo.resolve(STREET))) {
            for (Path f : s.filter(p -> p.getFileName().toString().startsWith(month + "-")).sorted().toList()) {
                drop(inbox, f.getFileName().toString(), Files.readAllBytes(f));
                names.add(f.getFileName().toString());
            }
        }
        return names;
    }

    /** The board measures' rows by month; returns the header. */
    private static String readBoard(Path board, SortedMap<String, List<String>> byMonth) throws IOException {
        if (!Files.exists(board)) throw new NoSuchFileException(board + " (the demo runs from the repository's top folder)");
        try (BufferedReader r = Files.newBufferedReader(board, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null || !header.toLowerCase(Locale.ROOT).startsWith("month,"))
                throw new IOException(board + ": expected a header starting with \"month,\"");
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank()) continue;
                byMonth.computeIfAbsent(line.substring(0, line.indexOf(',')), m -> new ArrayList<>()).add(line);
            }
            return header;
        }
    }

    /** Written under a hidden name (which the inbox ignores), then renamed in one step. */
    static void drop(Path inbox, String name, byte[] content) throws IOException {
        Path hidden = inbox.resolve("." + name + ".part");
        Files.write(hidden, content);
        Files.move(hidden, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
