package org.perfalert.ack;

import java.util.*;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a lead's reply: it acknowledges when its first non-empty line starts with "ack" (also "acknowledge",
 * "acknowledged"); numbers right after it followed by ":", a dash or the end of the line name the items ("ack 2 5:
 * extra patrols"), none means every item. The comment is the rest of that line or, when that is empty, the lines
 * below it up to the quoted email ("&gt; …", "On … wrote:", "-----Original Message-----", an Outlook "From:" block,
 * the signature "-- ", "Sent from my …").
 */
final class ReplyParser {
    private static final Pattern FIRST = Pattern.compile("(?i)^(?:ack|acknowledge|acknowledged)(?![\\p{L}\\d])(.*)$");
    private static final Pattern NUMBERS = Pattern.compile(
            "^((?:#?\\d{1,4}(?:\\s*(?:,|;|&|\\band\\b)\\s*|\\s+))*#?\\d{1,4})\\s*(?:[:\\-\u2013\u2014]|$)(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern LEADING = Pattern.compile("^[\\s:,;.\\-\u2013\u2014]+");
    private static final Pattern QUOTE_START = Pattern.compile("(?i)^(>.*|on\\b.*\\bwrote:?\\s*$|-{2,}\\s*original message\\s*-{2,}.*"
            + "|_{5,}\\s*|from:\\s.*|-- ?|sent from my\\b.*|get outlook for\\b.*)$");

    private ReplyParser() { }

    /** What the reply asks: the items (empty: every item) and the comment (null: none). */
    record Command(SortedSet<Integer> items, String comment) { }

    /** The command in the reply's text, or empty when it does not start with "ack". */
    static Optional<Command> parse(String text) {
        List<String> lines = List.of((text == null ? "" : text).replace("\r\n", "\n").replace('\r', '\n').split("\n", -1));
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) first++;
        if (first == lines.size()) return Optional.empty();
        Matcher m = FIRST.matcher(lines.get(first).strip());
        if (!m.matches()) return Optional.empty();
        String rest = m.group(1).strip();
        SortedSet<Integer> items = new TreeSet<>();
        Matcher n = NUMBERS.matcher(rest);
        if (n.matches()) {
            Matcher d = Pattern.compile("\\d{1,4}").matcher(n.group(1));
            while (d.find()) items.add(Integer.parseInt(d.group()));
            rest = n.group(2);
        }
        rest = LEADING.matcher(rest).replaceFirst("").strip();
        String comment = rest.isEmpty() ? following(lines, first + 1) : rest;
        return Optional.of(new Command(items, comment == null || comment.isBlank() ? null : comment));
    }

    /** The lines after the first, up to the quoted email or the signature, trimmed of blank lines at either end. */
    private static String following(List<String> lines, int from) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < lines.size(); i++) {
            String line = lines.get(i);
            if (QUOTE_START.matcher(line.strip()).matches() || line.equals("-- ")) break;
            if (line.startsWith("On ") && i + 1 < lines.size() && lines.get(i + 1).strip().endsWith("wrote:")) break;   // wrapped
            out.add(line.stripTrailing());
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isBlank()) out.remove(out.size() - 1);
        while (!out.isEmpty() && out.get(0).isBlank()) out.remove(0);
        return out.isEmpty() ? null : String.join("\n", out);
    }
}
