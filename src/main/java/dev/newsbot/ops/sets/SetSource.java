package dev.newsbot.ops.sets;

import dev.newsbot.config.NewsbotConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where one article set comes from, and where its passage index (the "snapshot": a Lucene index folder) is kept.
 *
 * <p>Index location: {@code <file>.newsbot-index} beside a set whose first path is a file;
 * {@code <dir>/.newsbot-index} inside a set whose first path is a directory (hidden, so never read as articles);
 * {@code <snapshotDir>/<set>.newsbot-index} when {@code articles.snapshotDir} is configured; and under
 * {@code <home>/snapshots/} (as {@code <set>-<hash of the paths>.newsbot-index}) for the bundled set and for sets
 * whose folder is not writable or is marked read-only.
 *
 * @param name     the set's name
 * @param paths    its files and directories; empty for the bundled default set
 * @param snapshot its index folder, or null when the index is kept in memory only
 */
public record SetSource(String name, List<Path> paths, Path snapshot) {

    /** The file name suffix of snapshots. */
    public static final String SNAPSHOT_SUFFIX = ".newsbot-index";

    public SetSource {
        Objects.requireNonNull(name, "SetSource.name must not be null");
        paths = List.copyOf(Objects.requireNonNull(paths, "SetSource.paths must not be null"));
    }

    /** True for the set bundled in the application (no paths). */
    public boolean bundled() {
        return paths.isEmpty();
    }

    /**
     * Every set of the configuration, the default set first: the bundled seed article when the configuration
     * names no files for it.
     *
     * @param home the application's own folder, for snapshots that cannot sit beside their set
     */
    public static List<SetSource> of(NewsbotConfig config, Path home) {
        NewsbotConfig.Articles articles = config.articles();
        List<SetSource> sources = new ArrayList<>();
        Map<String, List<String>> configured = new TreeMap<>(articles.sets());
        List<String> defaultPaths = configured.remove(articles.defaultSet());
        sources.add(source(articles, articles.defaultSet(), defaultPaths == null ? List.of() : defaultPaths, home));
        configured.forEach((name, paths) -> sources.add(source(articles, name, paths, home)));
        return sources;
    }

    private static SetSource source(NewsbotConfig.Articles articles, String name, List<String> paths, Path home) {
        List<Path> files = paths.stream().map(Path::of).toList();
        return new SetSource(name, files, articles.snapshots() ? snapshotFor(name, files, articles.snapshotDir(), home)
                : null);
    }

    /** The snapshot file of a set, by the rule above. */
    public static Path snapshotFor(String name, List<Path> paths, String snapshotDir, Path home) {
        if (snapshotDir != null) {
            return Path.of(snapshotDir).resolve(name + SNAPSHOT_SUFFIX);
        }
        Path fallback = home.resolve("snapshots");
        if (paths.isEmpty()) {
            return fallback.resolve(name + SNAPSHOT_SUFFIX);
        }
        Path first = paths.get(0).toAbsolutePath().normalize();
        Path beside = Files.isDirectory(first) ? first.resolve(SNAPSHOT_SUFFIX)
                : first.resolveSibling(first.getFileName() + SNAPSHOT_SUFFIX);
        Path folder = beside.getParent();
        if (writable(folder)) {
            return beside;
        }
        return fallback.resolve(name + "-" + hashOf(paths) + SNAPSHOT_SUFFIX);
    }

    /**
     * True when the folder may be written: the process may, and its permissions grant writing to someone, so that
     * a folder marked read-only is respected even by root (who may write anywhere).
     */
    static boolean writable(Path folder) {
        if (!Files.isDirectory(folder) || !Files.isWritable(folder)) {
            return false;
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(folder);
            return permissions.contains(PosixFilePermission.OWNER_WRITE)
                    || permissions.contains(PosixFilePermission.GROUP_WRITE)
                    || permissions.contains(PosixFilePermission.OTHERS_WRITE);
        } catch (UnsupportedOperationException | IOException e) {
            return true;
        }
    }

    private static String hashOf(List<Path> paths) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path path : paths) {
                sha.update(path.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
