package org.perfalert.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads an input file as UTF-8 text: refuses files over the size limit and bytes that are not UTF-8
 * (naming the line), drops a leading byte-order mark, unzips {@code .gz}.
 */
final class InputText {
    private InputText() { }

    /** The file's text, or null after adding the reason to problems. */
    static String read(Path file, long maxBytes, List<String> problems) {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                problems.add(file + ": the file is " + size + " bytes, more than the limit of " + maxBytes
                        + " (split it into smaller files, or raise load.max.file.bytes)");
                return null;
            }
            bytes = InputKind.gzipped(file) ? gunzip(file, maxBytes) : Files.readAllBytes(file);
        } catch (TooLarge e) {
            problems.add(file + ": unzipped, the file is more than the limit of " + maxBytes
                    + " bytes (split it into smaller files, or raise load.max.file.bytes)");
            return null;
        } catch (IOException e) {
            problems.add(file + ": cannot be read: " + e.getMessage() + " (check the file is there, readable and, if .gz, a whole gzip file)");
            return null;
        }
        return decode(file, bytes, problems);
    }

    private static String decode(Path file, byte[] bytes, List<String> problems) {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = dec.decode(in, out, true);
        if (!r.isError()) r = dec.flush(out);
        if (r.isError()) {
            int at = in.position();
            int line = 1, col = 1;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') { line++; col = 1; } else col++;
            }
            problems.add(file + ":" + line + ":" + col + ": the file is not UTF-8 (byte 0x"
                    + String.format("%02X", bytes[at] & 0xff) + " at byte " + (at + 1)
                    + "; save it as UTF-8, e.g. \"CSV UTF-8\" in Excel)");
            return null;
        }
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static byte[] gunzip(Path file, long maxBytes) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 65536)) {
            byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxBytes + 1));
            if (b.length > maxBytes) throw new TooLarge();
            return b;
        }
    }

    private static final class TooLarge extends IOException { }
}
