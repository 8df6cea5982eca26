package dev.newsbot.index;

import java.nio.file.Path;
import java.util.Objects;

/** A set's passage index could not be opened or written; {@link #reason()} says why, the message the details. */
public final class IndexException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why an index could not be used. */
    public enum Reason {
        /** There is no index there yet. */
        MISSING,
        /** The index is damaged: truncated, failing its checksums, or not shaped as this code writes it. */
        CORRUPT,
        /** The index was built with another model, dimension, splitter settings or format version. */
        SETTINGS_MISMATCH,
        /** Reading or writing the index failed. */
        IO_ERROR,
        /** Writing was refused: what is there is not a newsbot index, and only our own index is ever replaced. */
        NOT_OURS
    }

    private final transient Path location;
    private final Reason reason;

    IndexException(Path location, Reason reason, String detail, Throwable cause) {
        this(location, reason, cause, "Index " + location + ": " + detail);
    }

    private IndexException(Path location, Reason reason, Throwable cause, String message) {
        super(message, cause);
        this.location = location;
        this.reason = Objects.requireNonNull(reason, "IndexException.reason must not be null");
    }

    IndexException(Path location, Reason reason, String detail) {
        this(location, reason, detail, null);
    }

    /** Writing {@code location} was refused because it is not ours; {@code why} says what it is instead. */
    static IndexException notOurs(Path location, String why) {
        return new IndexException(location, Reason.NOT_OURS, null, "refuse to overwrite " + location
                + ": it is not a newsbot index (" + why + ")");
    }

    public Path location() {
        return location;
    }

    public Reason reason() {
        return reason;
    }
}
