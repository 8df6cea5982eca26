package dev.newsbot.articles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Expands the paths given to the loader into the article files to read: files as given, directories walked
 * recursively in sorted order, skipping hidden files and folders, files named {@code README.*} and files of other
 * types. A file reached twice is read once. Whether a file is a regular one is the loader's check, when it opens
 * it, so a pipe or device named like an article file is reported, not skipped.
 */
final class SourceFiles {

    static final List<String> EXTENSIONS = List.of("jsonl", "ndjson", "md", "markdown", "txt");

    private SourceFiles() {
    }

    static List<Path> expand(List<Path> paths, List<Problem> problems) {
        Set<Path> seen = new HashSet<>();
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            for (Path file : expand(path, problems)) {
                if (seen.add(file.toAbsolutePath().normalize())) {
                    files.add(file);
                }
            }
        }
        return files;
    }

    /** The file's extension, lower-case, or "" when it has none. */
    static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static List<Path> expand(Path path, List<Problem> problems) {
        if (Files.isDirectory(path)) {
            return walk(path, problems);
        }
        if (!Files.exists(path)) {
            problems.add(new Problem(path, 0, null, "no such file or directory"));
        } else if (!EXTENSIONS.contains(extension(path))) {
            problems.add(new Problem(path, 0, null, "unsupported file type; expected " + extensions()));
        } else {
            return List.of(path);
        }
        return List.of();
    }

    private static List<Path> walk(Path directory, List<Problem> problems) {
        try (Stream<Path> walk = Files.walk(directory)) {
            List<Path> files = walk.filter(file -> !Files.isDirectory(file))
                    .filter(file -> isArticleFile(directory.relativize(file)))
                    .sorted()
                    .toList();
            if (files.isEmpty()) {
                problems.add(new Problem(directory, 0, null, "no article files (" + extensions() + ") here"));
            }
            return files;
        } catch (IOException | UncheckedIOException e) {
            problems.add(new Problem(directory, 0, null, "cannot read the directory: " + e.getMessage()));
            return List.of();
        }
    }

    private static boolean isArticleFile(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return false;
            }
        }
        String name = relative.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith("readme.") && EXTENSIONS.contains(extension(relative));
    }

    private static String extensions() {
        return "." + String.join(", .", EXTENSIONS);
    }
}
