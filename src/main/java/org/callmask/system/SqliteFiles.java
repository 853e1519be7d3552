package org.callmask.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folder and file of a SQLite database, which holds every participant's real phone number: only
 * the user the service runs as may open them.
 *
 * <p>SQLite creates the file itself, with the process's umask (usually readable by everyone), and
 * gives its {@code -wal} and {@code -shm} files the permissions of the database file. So the file is
 * created here first, owner-only, before SQLite opens it; a folder created here is owner-only too.
 * Files and folders that already exist are left as they are: changing the permissions of an
 * operator's files is theirs to decide, so a start-up warning tells them how.
 */
final class SqliteFiles {

    private static final Logger log = LoggerFactory.getLogger(SqliteFiles.class);

    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_EXECUTE);

    /** The database file and those SQLite keeps beside it, which hold the same data. */
    private static final List<String> SUFFIXES = List.of("", "-wal", "-shm", "-journal");

    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./:@%+=,-]+");

    private SqliteFiles() {}

    /** Creates the folder and file of the database a SQLite URL names, if it names one on disk. */
    static void prepare(String url) {
        databaseFile(url).ifPresent(SqliteFiles::prepare);
    }

    static void prepare(Path database) {
        Path file = database.toAbsolutePath();
        Path folder = file.getParent();
        if (folder == null) {
            return;
        }
        try {
            if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectories(folder);
                return;
            }
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
            } catch (FileAlreadyExistsException e) {
                // An existing database: its permissions are checked below.
            }
            warnIfOthersCanOpen(folder.toRealPath().resolve(file.getFileName()));
        } catch (UnsupportedOperationException e) {
            // A file system without POSIX permissions after all: SQLite creates the file as before.
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the SQLite database " + file + " or its folder", e);
        }
    }

    private static void warnIfOthersCanOpen(Path file) throws IOException {
        Path folder = file.getParent();
        Set<PosixFilePermission> folderMode = Files.getPosixFilePermissions(folder);
        List<String> open = new ArrayList<>();
        if (!Collections.disjoint(folderMode, GROUP_OR_OTHERS)) {
            open.add("folder " + folder + " is " + PosixFilePermissions.toString(folderMode));
        }
        boolean filesOpen = false;
        for (String suffix : SUFFIXES) {
            Path each = folder.resolve(file.getFileName() + suffix);
            if (Files.exists(each)) {
                Set<PosixFilePermission> mode = Files.getPosixFilePermissions(each);
                if (!Collections.disjoint(mode, GROUP_OR_OTHERS)) {
                    open.add(each.getFileName() + " is " + PosixFilePermissions.toString(mode));
                    filesOpen = true;
                }
            }
        }
        if (open.isEmpty()) {
            return;
        }
        List<String> commands = new ArrayList<>();
        String shared = "";
        if (folderMode.contains(PosixFilePermission.OTHERS_WRITE)) {
            // A folder every user may write to, such as /tmp, is not one to close: move away from it.
            shared = " The folder is writable by every user; keep the database in a folder of its own.";
        } else if (!Collections.disjoint(folderMode, GROUP_OR_OTHERS)) {
            commands.add("chmod 700 " + shellQuoted(folder));
        }
        if (filesOpen) {
            commands.add("chmod 600 " + shellQuoted(file) + "*");
        }
        log.warn(
                "Other local users can reach the SQLite database {}, which holds every participant's phone number ({}).{}{}",
                file,
                String.join(", ", open),
                shared,
                commands.isEmpty() ? "" : " To allow only this service's user, run: " + String.join(" && ", commands));
    }

    private static String shellQuoted(Path path) {
        String text = path.toString();
        return SHELL_SAFE.matcher(text).matches() ? text : "'" + text.replace("'", "'\\''") + "'";
    }

    /**
     * The database file a SQLite URL names, as SQLite reads it: a path, or a {@code file:} URI
     * (local, percent-encoded). Empty for an in-memory or temporary database, a class-path resource,
     * and a URI opened read-only or without creating ({@code mode=ro}, {@code mode=rw}), where
     * creating the file would change what the URL means.
     */
    static Optional<Path> databaseFile(String url) {
        if (!SqliteSettings.isSqlite(url)) {
            return Optional.empty();
        }
        String name = url.substring(SqliteSettings.URL_PREFIX.length());
        int query = name.indexOf('?');
        if (query >= 0) {
            name = name.substring(0, query);
        }
        if (name.startsWith("file:")) {
            String mode = SqliteSettings.urlParameters(url).get("mode");
            if (mode != null && !mode.equals("rwc")) {
                return Optional.empty();
            }
            name = uriPath(name.substring("file:".length()));
            if (name == null) {
                return Optional.empty();
            }
        }
        if (name.isEmpty() || name.equals(":memory:") || name.startsWith(":resource:")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(name));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /** The path of a {@code file:} URI after the scheme, or null for another host's file. */
    private static String uriPath(String rest) {
        int fragment = rest.indexOf('#');
        if (fragment >= 0) {
            rest = rest.substring(0, fragment);
        }
        if (rest.startsWith("//")) {
            int slash = rest.indexOf('/', 2);
            String authority = slash < 0 ? rest.substring(2) : rest.substring(2, slash);
            if (!authority.isEmpty() && !authority.equals("localhost")) {
                return null;
            }
            rest = slash < 0 ? "" : rest.substring(slash);
        }
        return percentDecoded(rest);
    }

    private static String percentDecoded(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length()) {
                int high = Character.digit(text.charAt(i + 1), 16);
                int low = Character.digit(text.charAt(i + 2), 16);
                if (high >= 0 && low >= 0) {
                    bytes.write(high * 16 + low);
                    i += 2;
                    continue;
                }
            }
            int end = Character.isHighSurrogate(c) && i + 1 < text.length() ? i + 2 : i + 1;
            bytes.writeBytes(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
            i = end - 1;
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
