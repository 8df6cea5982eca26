package dev.newsbot.articles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Loads and validates article sets.
 *
 * <p>Formats, chosen by file extension:
 * <ul>
 *   <li>{@code .jsonl}, {@code .ndjson}: JSON Lines, one object per line with exactly the fields {@code id, url,
 *       title, source, published, author, body}; every value a string or null; only title and body required.</li>
 *   <li>{@code .md}, {@code .markdown}, {@code .txt}: one article per file, a YAML front matter between {@code ---}
 *       lines with the same keys except body, then the body. In Markdown without a {@code title} key, a leading
 *       {@code # Heading} line is the title.</li>
 *   <li>a directory: walked recursively in sorted order, any mix of the above. Hidden files and folders, files
 *       named {@code README.*} and files with any other extension are ignored.</li>
 * </ul>
 * {@code published} is an ISO date or date-time; a date-time without offset is taken as UTC. An article without
 * {@code id} gets the first 16 hex digits of the SHA-256 of its url, or of its title and body when it has no url.
 *
 * <p>Guarantees: files are read as strict UTF-8; every problem in every file is collected before the load
 * fails; ids and urls are unique across the whole set; and a load either yields the whole set or only problems,
 * never part of a set. Instances are stateless and thread-safe.
 */
public final class ArticleLoader {

    /** Name of the bundled default set. */
    public static final String DEFAULT_SET_NAME = "default";

    private static final String CLASSPATH = "classpath:";
    static final List<String> DEFAULT_RESOURCES = List.of("default/westgate-2013-09-22.md");

    private final ArticleFormat jsonLines = new JsonLinesFormat();
    private final ArticleFormat markdown = new FrontMatterFormat(true);
    private final ArticleFormat plainText = new FrontMatterFormat(false);

    /**
     * Loads the files and directories given as one set.
     *
     * @param setName the set's name
     * @param paths   files and directories; at least one
     * @return the set, or every problem found (missing paths included)
     */
    public LoadResult load(String setName, List<Path> paths) {
        requireName(setName);
        Objects.requireNonNull(paths, "paths must not be null");
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("paths must not be empty");
        }
        List<Problem> problems = new ArrayList<>();
        List<Path> files = SourceFiles.expand(paths, problems);
        return collect(setName, files, problems, ArticleLoader::readFile);
    }

    /**
     * Loads the set bundled in the application (named {@value #DEFAULT_SET_NAME}) from the classpath; works from
     * inside a jar.
     *
     * @throws ArticleSetException if the bundled files are broken
     */
    public ArticleSet loadBundledDefault() {
        return loadBundledDefault(ArticleLoader.class.getClassLoader());
    }

    ArticleSet loadBundledDefault(ClassLoader classLoader) {
        List<Path> labels = DEFAULT_RESOURCES.stream().map(ArticleLoader::resourceLabel).toList();
        ByteSource resources = (label, problems) -> readResource(classLoader, label, problems);
        return collect(DEFAULT_SET_NAME, labels, new ArrayList<>(), resources).set();
    }

    private LoadResult collect(String setName, List<Path> files, List<Problem> problems, ByteSource source) {
        Duplicates duplicates = new Duplicates();
        List<Article> articles = new ArrayList<>();
        for (Path file : files) {
            List<Problem> found = new ArrayList<>();
            source.read(file, found).ifPresent(bytes -> articles.addAll(parse(file, bytes, duplicates, found)));
            found.sort(Comparator.comparingInt(Problem::line));
            problems.addAll(found);
        }
        return problems.isEmpty()
                ? LoadResult.ok(ArticleSet.of(setName, articles), files)
                : LoadResult.failed(problems, files);
    }

    private List<Article> parse(Path file, byte[] bytes, Duplicates duplicates, List<Problem> problems) {
        Optional<String> text = Utf8.decode(file, bytes, problems);
        if (text.isEmpty()) {
            return List.of();
        }
        if (text.get().isBlank()) {
            problems.add(new Problem(file, 0, null, "file is empty"));
            return List.of();
        }
        List<Article> articles = new ArrayList<>();
        for (RawRecord record : formatOf(file).read(file, text.get(), problems)) {
            ArticleAssembler.assemble(record, problems).ifPresent(loaded -> {
                duplicates.check(loaded, problems);
                articles.add(loaded.article());
            });
        }
        return articles;
    }

    private ArticleFormat formatOf(Path file) {
        return switch (SourceFiles.extension(file)) {
            case "jsonl", "ndjson" -> jsonLines;
            case "md", "markdown" -> markdown;
            default -> plainText;
        };
    }

    private static Optional<byte[]> readFile(Path file, List<Problem> problems) {
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (IOException e) {
            problems.add(new Problem(file, 0, null, "cannot read the file: " + e));
            return Optional.empty();
        }
    }

    private static Optional<byte[]> readResource(ClassLoader classLoader, Path label, List<Problem> problems) {
        String name = label.toString().substring(CLASSPATH.length());
        try (InputStream in = classLoader.getResourceAsStream(name)) {
            if (in == null) {
                problems.add(new Problem(label, 0, null, "bundled resource is missing"));
                return Optional.empty();
            }
            return Optional.of(in.readAllBytes());
        } catch (IOException e) {
            problems.add(new Problem(label, 0, null, "cannot read the bundled resource: " + e));
            return Optional.empty();
        }
    }

    private static Path resourceLabel(String relativeName) {
        return Path.of(CLASSPATH + ArticleLoader.class.getPackageName().replace('.', '/') + "/" + relativeName);
    }

    private static void requireName(String setName) {
        Objects.requireNonNull(setName, "setName must not be null");
        if (setName.isBlank()) {
            throw new IllegalArgumentException("setName must not be blank");
        }
    }

    @FunctionalInterface
    private interface ByteSource {
        Optional<byte[]> read(Path file, List<Problem> problems);
    }
}
