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
        IO_ERROR,
        /** Writing was refused: the file there is not a snapshot, and only a snapshot may be replaced. */
        NOT_A_SNAPSHOT
    }

    private final transient Path file;
    private final Reason reason;

    SnapshotException(Path file, Reason reason, String detail, Throwable cause) {
        this(file, reason, cause, "Snapshot " + file + ": " + detail);
    }

    private SnapshotException(Path file, Reason reason, Throwable cause, String message) {
        super(message, cause);
        this.file = file;
        this.reason = Objects.requireNonNull(reason, "SnapshotException.reason must not be null");
    }

    /** Writing {@code file} was refused because it is not a snapshot; {@code why} says what it is instead. */
    static SnapshotException notASnapshot(Path file, String why) {
        return new SnapshotException(file, Reason.NOT_A_SNAPSHOT, null,
                "refuse to overwrite " + file + ": it is not a newsbot snapshot (" + why + ")");
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
