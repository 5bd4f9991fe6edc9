package org.perfalert.ingest;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * File names as a log line or report shows them, and as a file system takes them. A name comes from whoever dropped
 * the file: in a log line it is quoted with its control characters escaped, so a newline in a name cannot forge a
 * line of its own; a name that would be too long for the file system with a suffix is shortened, keeping it unique.
 */
public final class FileNames {
    /** Most file systems (ext4, XFS, NTFS, APFS) take at most 255 bytes per name. */
    static final int MAX_BYTES = 255;

    private FileNames() { }

    /** "name" in double quotes, with control characters, quotes and backslashes escaped. */
    public static String shown(String name) {
        StringBuilder b = new StringBuilder(name.length() + 2).append('"');
        name.codePoints().forEach(cp -> {
            switch (cp) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) b.append(String.format("\\u%04x", cp));
                    else b.appendCodePoint(cp);
                }
            }
        });
        return b.append('"').toString();
    }

    /**
     * name + suffix when it fits in 255 bytes; otherwise the name cut short, "~" and eight hex digits of its hash
     * (so two long names do not end up the same), then the suffix.
     */
    public static String fit(String name, String suffix) {
        if (bytes(name + suffix) <= MAX_BYTES) return name + suffix;
        String tag = "~" + HexFormat.of().toHexDigits(name.hashCode());
        int budget = MAX_BYTES - bytes(tag + suffix);
        StringBuilder cut = new StringBuilder();
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            String next = new String(Character.toChars(cp));
            if (bytes(cut + next) > budget) break;
            cut.append(next);
            i += Character.charCount(cp);
        }
        return cut + tag + suffix;
    }

    private static int bytes(String s) { return s.getBytes(StandardCharsets.UTF_8).length; }
}
