package org.perfalert.rules;

import org.kie.api.builder.Message;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a Drools build message into FILE:LINE:COLUMN: message about the analyst's .drl file. Drools
 * often reports a rule's first line (or none) for errors inside a condition or action; the name it
 * could not resolve is then looked up inside that rule to point at the line and column that hold it.
 */
final class ProblemLocator {
    private static final Pattern RULE = Pattern.compile("\\[Rule name='([^']+)'\\]");
    private static final Pattern LINE_IN_TEXT = Pattern.compile("\\[(\\d+),(\\d+)]");
    private static final Pattern PARSER_POSITION = Pattern.compile("^\\[ERR \\d+] Line (\\d+):(\\d+)");
    private static final List<Pattern> NAMES = List.of(
            Pattern.compile("importing : '([\\w.]+)'"),
            Pattern.compile("strict-mode: [\\w.$]+\\.(\\w+)\\("),
            Pattern.compile("The method (\\w+)\\("),
            Pattern.compile("ObjectType '([\\w.]+)'"),
            Pattern.compile("unable to resolve (?:property|field|method)[^:]*: ?[\\w.$]*?\\.?(\\w+)"),
            Pattern.compile("(\\w+) cannot be resolved(?! to a variable)"),
            Pattern.compile("(\\$?\\w+) cannot be resolved"),
            Pattern.compile("field (\\w+)"),
            Pattern.compile("Unable to analy[sz]e expression '(\\w+)"));

    private ProblemLocator() { }

    /** sources: file name → text; files: file name → the path shown to the analyst. */
    static String describe(Message m, Map<String, String> sources, Map<String, String> files, String folder) {
        String path = m.getPath() == null ? "" : m.getPath();
        String name = path.contains("/") ? path.substring(path.lastIndexOf('/') + 1) : path;
        String shown = files.getOrDefault(name, path.isEmpty() ? folder : path);
        String text = m.getText() == null ? "" : m.getText();
        int line = m.getLine(), column = Math.max(m.getColumn(), 0) + 1;
        Matcher inText = LINE_IN_TEXT.matcher(text);
        if (line <= 0 && inText.find()) line = Integer.parseInt(inText.group(1));
        Matcher parser = PARSER_POSITION.matcher(text);
        if (parser.find()) { line = Integer.parseInt(parser.group(1)); column = Integer.parseInt(parser.group(2)) + 1; }
        String source = sources.get(name);
        String plain = ProblemWords.plain(text, source);
        if (source != null) {
            int[] unclosed = text.startsWith("[ERR") ? unclosedBracket(source, line) : null;
            if (unclosed != null) return shown + ":" + unclosed[0] + ":" + unclosed[1] + ": \")\" missing at the end of this line: the \"(\" at line "
                    + unclosed[2] + ", column " + unclosed[3] + " is not closed";
            int[] found = locate(source, text, line);
            if (found != null) { line = found[0]; column = found[1]; }
            if (text.contains("insert \";\"")) { // Java reports a missing semicolon near, not at, its line
                int[] end = missingSemicolon(source, line);
                if (end != null) { line = end[0]; column = end[1]; }
            }
        }
        return shown + ":" + Math.max(line, 1) + ":" + column + ": " + plain;
    }

    /** The line and column of the unresolved name inside the rule the message names, or null. */
    private static int[] locate(String source, String text, int reportedLine) {
        if (text.startsWith("[ERR")) return null; // a syntax error: Drools' own line and column are right
        String[] lines = source.split("\n", -1);
        int from = -1;
        Matcher rule = RULE.matcher(text);
        if (rule.find()) {
            String header = "rule \"" + rule.group(1) + "\"";
            for (int i = 0; i < lines.length && from < 0; i++) if (lines[i].trim().startsWith(header)) from = i;
        }
        if (from < 0 && reportedLine > 0) // the rule whose header is at or above the reported line
            for (int i = Math.min(reportedLine, lines.length) - 1; i >= 0 && from < 0; i--)
                if (lines[i].trim().startsWith("rule ")) from = i;
        int to = lines.length;
        if (from < 0) from = 0; // no rule named: look through the whole file
        else {
            to = from + 1;
            while (to < lines.length && !lines[to].trim().equals("end")) to++;
        }
        for (Pattern p : NAMES) {
            Matcher m = p.matcher(text);
            if (!m.find()) continue;
            Pattern word = Pattern.compile("(?<![\\w$])" + Pattern.quote(m.group(1)) + "(?!\\w)");
            for (int i = Math.max(from, reportedLine > from ? reportedLine - 1 : from); i < to; i++) {
                Matcher w = word.matcher(lines[i]);
                if (w.find()) return new int[] {i + 1, w.start() + 1};
            }
            for (int i = from; i < to; i++) {
                Matcher w = word.matcher(lines[i]);
                if (w.find()) return new int[] {i + 1, w.start() + 1};
            }
        }
        return from == 0 && to == lines.length ? null : new int[] {from + 1, 1};
    }

    /** In the action of the rule around `line`: the end of the first statement line that runs on without a ";". */
    private static int[] missingSemicolon(String source, int line) {
        String[] lines = source.split("\n", -1);
        int start = Math.min(Math.max(line, 1), lines.length) - 1;
        while (start > 0 && !lines[start].trim().startsWith("rule ")) start--;
        int then = start;
        while (then < lines.length && !lines[then].trim().equals("then")) then++;
        for (int i = then + 1; i < lines.length && !lines[i].trim().equals("end"); i++) {
            String t = lines[i].replaceAll("//.*$", "").trim();
            if (t.isEmpty() || t.endsWith(";") || t.endsWith("{") || t.endsWith("}")) continue;
            int next = i + 1;
            while (next < lines.length && lines[next].isBlank()) next++;
            String n = next < lines.length ? lines[next].trim() : "";
            boolean continues = t.matches(".*[(,+\\-*/=?:&|]$") || n.matches("^[.+\\-*/)?:&|].*");
            if (!continues) return new int[] {i + 1, lines[i].stripTrailing().length() + 1};
        }
        return null;
    }

    /**
     * The parser notices a missing ")" only at the next word it cannot fit ("then", the next pattern), a
     * line or more late. When a "(" of the rule is still open where it complained: the end of the last
     * line before, where the ")" belongs, and where the "(" is, as {line, column, openLine, openColumn}.
     */
    private static int[] unclosedBracket(String source, int reportedLine) {
        String[] lines = source.split("\n", -1);
        int start = Math.min(Math.max(reportedLine, 1), lines.length) - 1;
        while (start > 0 && !lines[start].trim().startsWith("rule ")) start--;
        Deque<int[]> open = new ArrayDeque<>();
        for (int i = start; i < reportedLine - 1 && i < lines.length; i++) {
            String l = lines[i];
            boolean quoted = false;
            for (int c = 0; c < l.length(); c++) {
                char ch = l.charAt(c);
                if (ch == '"' && (c == 0 || l.charAt(c - 1) != '\\')) quoted = !quoted;
                else if (quoted) continue;
                else if (ch == '/' && c + 1 < l.length() && l.charAt(c + 1) == '/') break;
                else if (ch == '(') open.push(new int[] {i + 1, c + 1});
                else if (ch == ')' && !open.isEmpty()) open.pop();
            }
        }
        if (open.isEmpty()) return null;
        int last = reportedLine - 2;
        while (last > start && lines[last].replaceAll("//.*$", "").isBlank()) last--;
        int[] at = open.peek();
        return new int[] {last + 1, lines[last].replaceAll("\\s*//.*$", "").stripTrailing().length() + 1, at[0], at[1]};
    }
}
