package org.perfalert.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A fingerprint of what is in some folders (names and bytes of every file), so that "this version of
 * the rules" has an identity: a broken version is reported once, and an unchanged folder is not rebuilt.
 * Hidden files and editor backups are left out: saving in an editor should not count twice.
 */
public final class ContentHash {
    private ContentHash() { }

    public static String of(Path... folders) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path folder : folders) {
                sha.update(("#" + folder.getFileName() + "\n").getBytes(StandardCharsets.UTF_8));
                if (!Files.isDirectory(folder)) continue;
                List<Path> files;
                try (Stream<Path> s = Files.walk(folder)) {
                    files = s.filter(Files::isRegularFile).filter(ContentHash::counts).sorted().toList();
                }
                for (Path f : files) {
                    sha.update(folder.relativize(f).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) 0);
                    sha.update(Files.readAllBytes(f));
                    sha.update((byte) 0);
                }
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean counts(Path f) {
        String n = f.getFileName().toString();
        return !n.startsWith(".") && !n.endsWith("~") && !n.endsWith(".swp") && !n.endsWith(".tmp");
    }
}
