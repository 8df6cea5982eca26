package dev.newsbot.retrieval;

import java.nio.file.Path;
import java.util.Objects;

/** An index snapshot could not be read or written; {@link #reason()} says why, the message says the details. */
public final class SnapshotException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a snapshot could not be used. */
    public enum Reason {
        /** There is no file. */
        MISSING,
        /** The file does not start like a snapshot. */
        BAD_MAGIC,
        /** The file was written in a format version this code does not read. */
        UNSUPPORTED_VERSION,
        /** The file is shorter than it says it is. */
        TRUNCATED,
        /** The file's content does not match its checksum. */
        CHECKSUM_MISMATCH,
        /** The checksum matches but the content is not valid. */
        CORRUPT,
        /** The snapshot was built with another model, dimension or splitter settings. */
        SETTINGS_MISMATCH,
        /** Reading or writing the file failed. */
        IO_ERROR
    }

    private final transient Path file;
    private final Reason reason;

    SnapshotException(Path file, Reason reason, String detail, Throwable cause) {
        super("Snapshot " + file + ": " + detail, cause);
        this.file = file;
        this.reason = Objects.requireNonNull(reason, "SnapshotException.reason must not be null");
    }

    SnapshotException(Path file, Reason reason, String detail) {
        this(file, reason, detail, null);
    }

    public Path file() {
        return file;
    }

    public Reason reason() {
        return reason;
    }
}
