package org.perfalert.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A file in the inbox as found, before anything of it is read: its name, size and time stamp (which together say
 * which file it is) and, when it is not a plain file, what it is instead. Links are not followed.
 *
 * @param notRegular null for a plain file, else what it is ("a symbolic link", "a folder", ...)
 */
public record InboxFile(Path path, long size, long modifiedMillis, String notRegular) {

    public String name() { return path.getFileName().toString(); }

    public boolean regular() { return notRegular == null; }

    /** Looks at the entry itself (a symbolic link is not followed); NoSuchFileException when it is gone. */
    public static InboxFile at(Path path) throws IOException {
        BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        String not = a.isRegularFile() ? null
                : a.isSymbolicLink() ? "a symbolic link"
                : a.isDirectory() ? "a folder"
                : "not a regular file (a device, pipe or socket)";
        return new InboxFile(path, a.size(), a.lastModifiedTime().toMillis(), not);
    }
}
