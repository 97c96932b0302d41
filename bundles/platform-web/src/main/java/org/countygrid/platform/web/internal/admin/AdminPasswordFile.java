package org.countygrid.platform.web.internal.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Writes the generated first password to a file only its owner can read; it exists with those rights from the start. */
final class AdminPasswordFile {

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private AdminPasswordFile() {
    }

    static void write(Path file, String password) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        boolean posix = Files.getFileStore(file.getParent()).supportsFileAttributeView("posix");
        if (posix) {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(temp);
            var asFile = temp.toFile();
            asFile.setReadable(false, false);
            asFile.setWritable(false, false);
            asFile.setReadable(true, true);
            asFile.setWritable(true, true);
        }
        Files.writeString(temp, password + System.lineSeparator(), StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        if (posix) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }
}
