package org.crmkit.examples.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;

import picocli.CommandLine;

/**
 * The directory given with {@code --data-dir}, where the tool keeps its H2 database
 * ({@value #DATABASE_NAME}{@code .mv.db}). Checks it before anything is opened, so that a bad
 * directory is reported in a sentence, not as a database error.
 */
final class DataDirectory {

    /** The database's base name: H2 adds {@code .mv.db}. */
    static final String DATABASE_NAME = "crm";

    private final Path path;

    private DataDirectory(Path path) {
        this.path = path;
    }

    /**
     * The directory for a command that creates the database if needed: creates the directory too.
     *
     * @throws BadInput if it is a file, cannot be created or is not writable
     */
    static DataDirectory createIfMissing(CommandLine command, Path given) {
        Path dir = checkShape(command, given);
        if (!Files.isDirectory(dir)) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new BadInput(command, "--data-dir " + dir + " cannot be created: " + why(dir, e));
            }
        }
        if (!Files.isWritable(dir)) {
            throw new BadInput(command, "--data-dir " + dir + " is not writable");
        }
        return new DataDirectory(dir);
    }

    /**
     * The directory for a command that only reads an existing database.
     *
     * @throws BadInput       if it is a file
     * @throws CommandFailure if it holds no database
     */
    static DataDirectory existing(CommandLine command, Path given) {
        DataDirectory dir = new DataDirectory(checkShape(command, given));
        if (!dir.hasDatabase()) {
            throw new CommandFailure("no crm database in " + dir.path + "; run 'crm demo --data-dir "
                    + dir.path + "' first");
        }
        return dir;
    }

    /** @return the absolute, normalised directory */
    Path path() {
        return path;
    }

    /** @return the database file, which may not exist yet */
    Path databaseFile() {
        return path.resolve(DATABASE_NAME + ".mv.db");
    }

    /** @return whether the database file exists */
    boolean hasDatabase() {
        return Files.isRegularFile(databaseFile());
    }

    private static Path checkShape(CommandLine command, Path given) {
        Path dir = given.toAbsolutePath().normalize();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new BadInput(command, "--data-dir " + dir + " is a file, not a directory");
        }
        // A ';' would end the path inside the JDBC URL and start a setting.
        if (dir.toString().indexOf(';') >= 0) {
            throw new BadInput(command, "--data-dir " + dir + " must not contain ';'");
        }
        return dir;
    }

    private static String why(Path dir, IOException e) {
        for (Path p = dir.getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    return p + " is a file";
                }
                break;
            }
        }
        if (e instanceof AccessDeniedException denied) {
            return "permission denied on " + denied.getFile();
        }
        if (e instanceof FileSystemException fs) {
            if (fs.getReason() != null) {
                return fs.getReason();
            }
            if (e instanceof NoSuchFileException) {
                return "the file system refused it (no such file or directory)";
            }
            if (e instanceof FileAlreadyExistsException) {
                return "something else is in the way";
            }
        }
        return e.getMessage() == null ? "the file system refused it" : e.getMessage();
    }
}
