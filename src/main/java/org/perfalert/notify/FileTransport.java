package org.perfalert.notify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * mail.mode=file: writes each email as an .eml file named after its outbox row and recipient. Writing the same
 * row again replaces the same file, so a retry after a crash leaves one file.
 */
public class FileTransport implements MailTransport {
    private final Path dir;

    public FileTransport(Path dir) { this.dir = dir; }

    @Override
    public void send(OutboxEntry mail) throws IOException {
        Files.createDirectories(dir);
        String name = String.format("%06d-%s.eml", mail.id(), mail.recipient().replaceAll("[^A-Za-z0-9.@_-]", "_"));
        Path tmp = dir.resolve(name + ".tmp");
        Files.writeString(tmp, mail.mime(), StandardCharsets.ISO_8859_1);
        Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
