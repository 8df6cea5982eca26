package dev.newsbot.index;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.store.MMapDirectory;

/**
 * The folder that holds a set's passage index on disk, at the path where the snapshot file used to be:
 * <pre>
 *   newsbot-index      marker: this folder is ours, and may be replaced
 *   current            the name of the version folder being served, replaced atomically
 *   v-XXXX/            one Lucene index per set version (normally one; an older one until the next write)
 *   tmp-XXXX/          a version being written; renamed to v-XXXX once committed and forced to disk
 * </pre>
 * A version is written into a fresh {@code tmp-} folder, committed (Lucene forces every file to disk), renamed to
 * {@code v-}, and only then named in {@code current} (a temporary file forced and atomically moved): a process
 * killed at any point leaves the previous version served. Older versions and abandoned {@code tmp-} folders are
 * deleted after the switch; a {@code tmp-} folder still locked by a live writer is left alone.
 *
 * <p>Only our own index is ever replaced or deleted: a file or a non-empty folder without the marker at the path
 * is refused with {@link IndexException.Reason#NOT_OURS} before anything is written; the single-file snapshot of
 * earlier releases (recognised by its magic bytes) is ours, and is replaced.
 */
public final class IndexDirectory {

    static final String MARKER = "newsbot-index";
    static final String CURRENT = "current";
    private static final String VERSION_PREFIX = "v-";
    private static final String TEMPORARY_PREFIX = "tmp-";
    private static final String MARKER_TEXT = "A newsbot passage index; newsbot replaces this folder's contents.\n";
    /** The first bytes of the single-file snapshot of earlier releases. */
    private static final byte[] LEGACY_MAGIC = {(byte) 0x89, 'N', 'B', 'I', 'D', 'X', '\r', '\n'};

    private final Path path;

    private IndexDirectory(Path path) {
        this.path = Objects.requireNonNull(path, "IndexDirectory path must not be null");
    }

    public static IndexDirectory at(Path path) {
        return new IndexDirectory(path);
    }

    public Path path() {
        return path;
    }

    /**
     * Checks that an index may be written here: nothing is there, an empty folder, our own index folder, or a
     * snapshot file of an earlier release.
     *
     * @throws IndexException with {@link IndexException.Reason#NOT_OURS} naming the path
     */
    public void checkReplaceable() {
        if (!Files.exists(path)) {
            return;
        }
        if (Files.isRegularFile(path)) {
            if (!isLegacySnapshot()) {
                throw IndexException.notOurs(path, "it is a file, not an index folder");
            }
            return;
        }
        if (!Files.isDirectory(path)) {
            throw IndexException.notOurs(path, "it is neither a file nor a folder");
        }
        if (!Files.isRegularFile(path.resolve(MARKER)) && !isEmptyFolder()) {
            throw IndexException.notOurs(path, "the folder has no " + MARKER + " marker file");
        }
    }

    private boolean isLegacySnapshot() {
        byte[] start = new byte[LEGACY_MAGIC.length];
        try (InputStream in = Files.newInputStream(path)) {
            return in.readNBytes(start, 0, start.length) == start.length && Arrays.equals(start, LEGACY_MAGIC);
        } catch (IOException e) {
            throw new IndexException(path, IndexException.Reason.IO_ERROR, "cannot be checked: " + e, e);
        }
    }

    private boolean isEmptyFolder() {
        try (Stream<Path> entries = Files.list(path)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new IndexException(path, IndexException.Reason.IO_ERROR, "cannot be checked: " + e, e);
        }
    }

    /**
     * Opens the version being served, memory-mapped, checked against the {@code expected} settings and its
     * checksums.
     *
     * @throws IndexException MISSING when there is none yet; CORRUPT, SETTINGS_MISMATCH or IO_ERROR when it cannot
     *                        be served; NOT_OURS when something else is at the path
     */
    public SetIndex open(IndexSettings expected) {
        if (!Files.exists(path)) {
            throw new IndexException(path, IndexException.Reason.MISSING, "no index yet");
        }
        checkReplaceable();
        if (Files.isRegularFile(path)) {
            throw new IndexException(path, IndexException.Reason.SETTINGS_MISMATCH,
                    "a snapshot file of an earlier release, which is rebuilt as an index folder");
        }
        String current = currentVersion();
        if (current == null) {
            throw new IndexException(path, IndexException.Reason.MISSING, "no index version yet");
        }
        Path version = path.resolve(current);
        if (!current.startsWith(VERSION_PREFIX) || !Files.isDirectory(version)) {
            throw new IndexException(path, IndexException.Reason.CORRUPT, CURRENT + " names '" + current
                    + "', which is not a version folder here");
        }
        try {
            return SetIndex.open(new MMapDirectory(version), version, expected, true);
        } catch (IOException e) {
            throw new IndexException(path, IndexException.Reason.IO_ERROR, "cannot be opened: " + e, e);
        }
    }

    private String currentVersion() {
        try {
            return Files.readString(path.resolve(CURRENT), StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new IndexException(path, IndexException.Reason.IO_ERROR, "cannot read " + CURRENT + ": " + e, e);
        }
    }

    /** A version being written: a fresh folder beside the served one. */
    record Draft(Path folder, Directory directory) {
    }

    /** Makes the folder ours if it is new (replacing an earlier release's snapshot file) and a fresh draft in it. */
    Draft begin() {
        checkReplaceable();
        try {
            if (Files.isRegularFile(path)) {
                Files.delete(path);
            }
            Files.createDirectories(path);
            Path marker = path.resolve(MARKER);
            if (!Files.exists(marker)) {
                Files.writeString(marker, MARKER_TEXT, StandardCharsets.UTF_8);
            }
            Path folder = Files.createTempDirectory(path, TEMPORARY_PREFIX);
            return new Draft(folder, FSDirectory.open(folder));
        } catch (IOException e) {
            throw new IndexException(path, IndexException.Reason.IO_ERROR, "cannot be written: " + e, e);
        }
    }

    /**
     * Serves a committed draft from now on: renames it to a version folder, names that in {@code current}
     * atomically, then deletes older versions and abandoned drafts. Returns the version folder.
     */
    Path publish(Draft draft) {
        String name = VERSION_PREFIX + draft.folder().getFileName().toString().substring(TEMPORARY_PREFIX.length());
        Path version = path.resolve(name);
        try {
            draft.directory().close();
            Files.move(draft.folder(), version, StandardCopyOption.ATOMIC_MOVE);
            forceFolder(path);
            Path pointer = Files.createTempFile(path, "." + CURRENT + ".", ".tmp");
            try (FileChannel channel = FileChannel.open(pointer, StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap((name + "\n").getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
            Files.move(pointer, path.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            forceFolder(path);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IndexException(path, IndexException.Reason.IO_ERROR, "the file system cannot rename "
                    + "atomically here", e);
        } catch (IOException e) {
            throw new IndexException(path, IndexException.Reason.IO_ERROR, "cannot be written: " + e, e);
        }
        deleteAllBut(name);
        return version;
    }

    /** Deletes a draft that was not committed. */
    void abandon(Draft draft) {
        try {
            draft.directory().close();
        } catch (IOException e) {
            // The folder is deleted below, or at the next publish.
        }
        deleteTree(draft.folder());
    }

    /** Deletes every version folder but {@code keep}, abandoned drafts, and stray pointer files; never others. */
    private void deleteAllBut(String keep) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.equals(keep) || !Files.isDirectory(entry)) {
                    if (name.startsWith("." + CURRENT + ".") && name.endsWith(".tmp")) {
                        Files.deleteIfExists(entry);
                    }
                    continue;
                }
                if (name.startsWith(VERSION_PREFIX) || name.startsWith(TEMPORARY_PREFIX) && !lockedByWriter(entry)) {
                    deleteTree(entry);
                }
            }
        } catch (IOException e) {
            // Best effort: what is left is deleted at the next publish.
        }
    }

    private static boolean lockedByWriter(Path draft) {
        try (Directory directory = FSDirectory.open(draft);
             Lock lock = directory.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
            return false;
        } catch (LockObtainFailedException e) {
            return true;
        } catch (IOException e) {
            return true;
        }
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // Best effort: a leftover folder is deleted at the next publish.
        }
    }

    private static void forceFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some platforms cannot force a folder; the renames themselves are atomic there.
        }
    }
}
