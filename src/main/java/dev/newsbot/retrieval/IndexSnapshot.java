package dev.newsbot.retrieval;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Reads and writes the binary snapshot file of one indexed article set.
 *
 * <p>Layout, big-endian throughout; a string is an int byte count then that many UTF-8 bytes:
 * <pre>
 *   magic              8 bytes  0x89 'N' 'B' 'I' 'D' 'X' '\r' '\n'
 *   format version     int      {@value #FORMAT_VERSION}
 *   file length        long     total bytes, trailer included
 *   embedding model    string
 *   dimension          int
 *   splitter settings  string
 *   set name, version  string, string
 *   created at         long epoch second, int nanosecond
 *   articles           int count, then per article: string id, string content hash
 *   passages           int count, then per passage: int article index, int ordinal, int sentence count, strings
 *   vectors            count * dimension float32, passage by passage
 *   checksum           int CRC32C of every byte before it
 * </pre>
 *
 * <p>Writing goes to a temporary file in the target's directory, which is forced to disk and then atomically
 * moved over the target: a failure at any point leaves the previous snapshot as it was and no temporary file
 * behind. Only a snapshot is ever replaced: a target that exists and does not start with the magic bytes (an
 * article file, notes, a directory, an empty file) is refused with {@link SnapshotException.Reason#NOT_A_SNAPSHOT}
 * before anything is written ({@link #checkReplaceable}). Reading checks magic, version, length and checksum before parsing, then the caller's settings, and
 * throws {@link SnapshotException} naming the first problem.
 */
public final class IndexSnapshot {

    /** The format version written, and the only one read. */
    public static final int FORMAT_VERSION = 1;

    static final byte[] MAGIC = {(byte) 0x89, 'N', 'B', 'I', 'D', 'X', '\r', '\n'};
    static final int PREFIX_LENGTH = MAGIC.length + Integer.BYTES + Long.BYTES;
    static final int TRAILER_LENGTH = Integer.BYTES;

    private IndexSnapshot() {
    }

    /**
     * Writes {@code contents} to {@code file}, replacing it atomically; creates missing parent directories.
     *
     * @throws SnapshotException with {@link SnapshotException.Reason#NOT_A_SNAPSHOT} if {@code file} exists and is
     *                           not a snapshot, which is never replaced
     */
    public static void write(Path file, SnapshotContents contents) {
        write(file, contents, UnaryOperator.identity());
    }

    /**
     * Reads the snapshot at {@code file}, which must have been built with the {@code expected} settings.
     *
     * @throws SnapshotException if the file is missing, damaged, of another format version or other settings
     */
    public static SnapshotContents read(Path file, SnapshotSettings expected) {
        Objects.requireNonNull(file, "IndexSnapshot file must not be null");
        Objects.requireNonNull(expected, "IndexSnapshot expected settings must not be null");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return new SnapshotReader(file, channel).read(expected);
        } catch (NoSuchFileException e) {
            throw new SnapshotException(file, SnapshotException.Reason.MISSING, "no such file", e);
        } catch (IOException e) {
            throw new SnapshotException(file, SnapshotException.Reason.IO_ERROR, "cannot be read: " + e, e);
        }
    }

    /** Like {@link #write(Path, SnapshotContents)}, with the file's output stream wrapped, to simulate failures. */
    static void write(Path file, SnapshotContents contents, UnaryOperator<OutputStream> wrap) {
        Objects.requireNonNull(file, "IndexSnapshot file must not be null");
        Objects.requireNonNull(contents, "IndexSnapshot contents must not be null");
        Path directory = file.toAbsolutePath().getParent();
        Path temporary = null;
        try {
            checkReplaceable(file);
            Files.createDirectories(directory);
            temporary = Files.createTempFile(directory, "." + file.getFileName() + ".", ".tmp");
            writeAndForce(temporary, contents, wrap);
            moveAtomically(temporary, file);
            forceDirectory(directory);
        } catch (IOException e) {
            throw new SnapshotException(file, SnapshotException.Reason.IO_ERROR, "cannot be written: " + e, e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    /**
     * Checks that {@link #write} may replace {@code file}: it is missing, or a regular file that starts with the
     * snapshot magic bytes (a damaged or outdated snapshot of ours included). Anything else, such as the article
     * file itself given as the output, is refused.
     *
     * @throws SnapshotException with {@link SnapshotException.Reason#NOT_A_SNAPSHOT} naming the file
     */
    public static void checkReplaceable(Path file) {
        Objects.requireNonNull(file, "IndexSnapshot file must not be null");
        if (!Files.exists(file)) {
            return;
        }
        if (!Files.isRegularFile(file)) {
            throw SnapshotException.notASnapshot(file, "it is not a regular file");
        }
        byte[] start = new byte[MAGIC.length];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(start, 0, start.length);
        } catch (IOException e) {
            throw new SnapshotException(file, SnapshotException.Reason.IO_ERROR, "cannot be checked: " + e, e);
        }
        if (read < MAGIC.length || !Arrays.equals(start, MAGIC)) {
            throw SnapshotException.notASnapshot(file, "it does not start with the snapshot magic bytes");
        }
    }

    private static void writeAndForce(Path temporary, SnapshotContents contents, UnaryOperator<OutputStream> wrap)
            throws IOException {
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            new SnapshotWriter(contents).writeTo(wrap.apply(new ChannelOutputStream(channel)));
            channel.force(true);
        }
    }

    private static void moveAtomically(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system cannot replace " + target + " atomically", e);
        }
    }

    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some platforms cannot open or force a directory; the move itself is already atomic there.
        }
    }

    private static void deleteQuietly(Path temporary) {
        if (temporary == null) {
            return;
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            // Best effort: a leftover temporary file never replaces the snapshot.
        }
    }

    /** An unbuffered stream onto a channel that is not closed with the stream, so the caller can force it. */
    private static final class ChannelOutputStream extends OutputStream {

        private final FileChannel channel;

        ChannelOutputStream(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes, offset, length);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
    }
}
