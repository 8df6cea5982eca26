package dev.newsbot.articles;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

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
 * {@code published} is an ISO date or date-time from 1605-01-01 to tomorrow; a date-time without offset is taken as
 * UTC. {@code url}, when given, is an {@code http} or {@code https} link. Title and body must show something
 * (no-break and zero-width spaces alone are blank). An article without {@code id} gets the first 16 hex digits of
 * the SHA-256 of its url, or of its title and body when it has no url.
 *
 * <p>Guarantees: files are read as strict UTF-8 streams, one line at a time, within {@link ArticleLimits} (file,
 * line and body size); only regular files are read (a symbolic link to one is fine), so a pipe or a device never
 * hangs a load or fills the heap; control characters other than newline and tab never reach an {@link Article};
 * every problem in every file is collected before the load fails; ids and urls are unique across the whole set;
 * and a load either yields the whole set or only problems, never part of a set. Instances keep nothing but a
 * count of loads, and are thread-safe.
 */
public final class ArticleLoader {

    /** Name of the bundled default set. */
    public static final String DEFAULT_SET_NAME = "default";

    private static final String CLASSPATH = "classpath:";
    static final List<String> DEFAULT_RESOURCES = List.of("default/westgate-2013-09-22.md");

    private final ArticleLimits limits;
    private final ArticleAssembler assembler;
    private final ArticleFormat jsonLines;
    private final ArticleFormat markdown;
    private final ArticleFormat plainText;
    private final RemoteArticles remote;
    private final AtomicLong loads = new AtomicLong();

    /** A loader with the {@linkplain ArticleLimits#DEFAULTS default limits} and the system clock. */
    public ArticleLoader() {
        this(ArticleLimits.DEFAULTS, Clock.systemUTC());
    }

    /**
     * @param limits how much one file, line and body may hold
     * @param clock  gives "tomorrow", the latest publication date accepted
     */
    public ArticleLoader(ArticleLimits limits, Clock clock) {
        this(limits, clock, null);
    }

    /**
     * @param limits how much one file, line and body may hold
     * @param clock  gives "tomorrow", the latest publication date accepted
     * @param remote reads the {@code http(s)} feed URLs a set lists; null when URLs are refused
     */
    public ArticleLoader(ArticleLimits limits, Clock clock, RemoteArticles remote) {
        this.remote = remote;
        this.limits = Objects.requireNonNull(limits, "limits must not be null");
        this.assembler = new ArticleAssembler(limits, Objects.requireNonNull(clock, "clock must not be null"));
        this.jsonLines = new JsonLinesFormat(limits);
        this.markdown = new FrontMatterFormat(true, limits);
        this.plainText = new FrontMatterFormat(false, limits);
    }

    /** The limits this loader reads within. */
    public ArticleLimits limits() {
        return limits;
    }

    /**
     * A fingerprint of what {@link #load} would read from {@code paths}, made by hashing the files' bytes without
     * parsing them (a few tens of milliseconds for 25 MB): equal fingerprints mean the same articles. Empty for
     * web sources and for paths with any problem, which must always be loaded.
     */
    public Optional<String> fingerprint(List<Path> paths) {
        Objects.requireNonNull(paths, "paths must not be null");
        return SourceFingerprint.of(paths, limits);
    }

    /**
     * How many loads of files (not of the bundled set) this loader has run: a start that opens an index made from
     * the same files runs none.
     */
    public long loads() {
        return loads.get();
    }

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
        loads.incrementAndGet();
        List<Problem> problems = new ArrayList<>();
        List<URI> feeds = new ArrayList<>();
        List<Path> local = new ArrayList<>();
        for (Path path : paths) {
            RemoteArticles.urlOf(path).ifPresentOrElse(feeds::add, () -> local.add(path));
        }
        if (!feeds.isEmpty() && remote == null) {
            feeds.forEach(url -> problems.add(new Problem(Path.of(url.toString()), 0, null,
                    "web sources are not enabled here")));
        }
        List<Path> files = local.isEmpty() ? List.of() : SourceFiles.expand(local, problems);
        List<Article> fromWeb = feeds.isEmpty() || remote == null ? List.of() : remote.read(setName, feeds);
        return collect(setName, files, problems, this::openFile, fromWeb);
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
        Opener resources = (label, problems) -> openResource(classLoader, label, problems);
        return collect(DEFAULT_SET_NAME, labels, new ArrayList<>(), resources, List.of()).set();
    }

    private LoadResult collect(String setName, List<Path> files, List<Problem> problems, Opener opener,
                               List<Article> fromWeb) {
        Duplicates duplicates = new Duplicates();
        List<Article> articles = new ArrayList<>();
        for (Path file : files) {
            List<Problem> found = new ArrayList<>();
            try (InputStream in = opener.open(file, found)) {
                if (in != null) {
                    read(file, in, duplicates, articles, found);
                }
            } catch (IOException e) {
                found.add(new Problem(file, 0, null, cannotRead(e)));
            }
            found.sort(Comparator.comparingInt(Problem::line));
            problems.addAll(found);
        }
        addWebArticles(articles, fromWeb);
        return problems.isEmpty()
                ? LoadResult.ok(ArticleSet.of(setName, articles), files)
                : LoadResult.failed(problems, files);
    }

    /** Web articles after the files' ones; one whose id or url a file (or an earlier feed) has is left out. */
    private static void addWebArticles(List<Article> articles, List<Article> fromWeb) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        articles.forEach(a -> {
            seen.add("id:" + a.id());
            if (a.url() != null) {
                seen.add("url:" + a.url());
            }
        });
        for (Article article : fromWeb) {
            if (seen.add("id:" + article.id()) && (article.url() == null || seen.add("url:" + article.url()))) {
                articles.add(article);
            }
        }
    }

    /** Streams the file through its format, keeping each valid article as soon as it is read. */
    private void read(Path file, InputStream in, Duplicates duplicates, List<Article> articles, List<Problem> found)
            throws IOException {
        BoundedLines lines = new BoundedLines(file, in, limits, found);
        formatOf(file).read(file, lines, found, record -> assembler.assemble(record, found).ifPresent(loaded -> {
            duplicates.check(loaded, found);
            articles.add(loaded.article());
        }));
        lines.skipRest(); // a format may stop early; an over-long line or bad byte after that is still reported
        if (!lines.sawText() && found.isEmpty()) {
            found.add(new Problem(file, 0, null, "file is empty"));
        }
    }

    /** True when a file of this name is read as articles (by its extension: {@code .jsonl}, {@code .md}, ...). */
    public static boolean readsFileNamed(Path file) {
        return file.getFileName() != null && SourceFiles.EXTENSIONS.contains(SourceFiles.extension(file));
    }

    private ArticleFormat formatOf(Path file) {
        return switch (SourceFiles.extension(file)) {
            case "jsonl", "ndjson" -> jsonLines;
            case "md", "markdown" -> markdown;
            default -> plainText;
        };
    }

    /** The open file, or null after adding why it is not read: not a regular file, or over the size limit. */
    private InputStream openFile(Path file, List<Problem> problems) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (!attributes.isRegularFile()) {
            problems.add(new Problem(file, 0, null, notRegular(file)));
            return null;
        }
        if (attributes.size() > limits.fileBytes()) {
            problems.add(new Problem(file, 0, null, limits.fileTooLarge(attributes.size())));
            return null;
        }
        return Files.newInputStream(file);
    }

    private static String notRegular(Path file) {
        String target = "";
        if (Files.isSymbolicLink(file)) {
            try {
                target = " (it links to " + file.toRealPath() + ")";
            } catch (IOException e) {
                target = " (a link)";
            }
        }
        return "not a regular file" + target + ", but a pipe, device or socket; only regular files are read";
    }

    private static String cannotRead(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file (a broken link, or removed while loading)";
        }
        if (e instanceof AccessDeniedException) {
            return "cannot read the file: permission denied";
        }
        return "cannot read the file: " + e;
    }

    private static InputStream openResource(ClassLoader classLoader, Path label, List<Problem> problems) {
        String name = label.toString().substring(CLASSPATH.length());
        InputStream in = classLoader.getResourceAsStream(name);
        if (in == null) {
            problems.add(new Problem(label, 0, null, "bundled resource is missing"));
        }
        return in;
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

    /** Opens one source for reading, or returns null after adding why it cannot be read. */
    @FunctionalInterface
    private interface Opener {
        InputStream open(Path file, List<Problem> problems) throws IOException;
    }
}
