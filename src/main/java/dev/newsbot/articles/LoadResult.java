package dev.newsbot.articles;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of loading an article set: either the whole set and no problems, or every problem found and no
 * articles. A set with errors is never half-loaded.
 */
public final class LoadResult {

    private final ArticleSet set;
    private final List<Problem> problems;
    private final List<Path> files;

    private LoadResult(ArticleSet set, List<Problem> problems, List<Path> files) {
        this.set = set;
        this.problems = List.copyOf(problems);
        this.files = List.copyOf(files);
    }

    static LoadResult ok(ArticleSet set, List<Path> files) {
        return new LoadResult(Objects.requireNonNull(set, "LoadResult.set must not be null"), List.of(), files);
    }

    static LoadResult failed(List<Problem> problems, List<Path> files) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("LoadResult.problems must not be empty for a failed load");
        }
        return new LoadResult(null, problems, files);
    }

    /** True when the set loaded with no problems. */
    public boolean isOk() {
        return set != null;
    }

    /**
     * The loaded set.
     *
     * @throws ArticleSetException carrying every problem, when the load failed
     */
    public ArticleSet set() {
        if (set == null) {
            throw new ArticleSetException(problems);
        }
        return set;
    }

    /**
     * Every problem found; empty when {@link #isOk()}. Paths that do not exist or hold no article files come
     * first, then each file's problems in load order, by line.
     */
    public List<Problem> problems() {
        return problems;
    }

    /** The article files that were read, in load order (directories expanded, missing paths left out). */
    public List<Path> files() {
        return files;
    }

    @Override
    public String toString() {
        return isOk()
                ? "LoadResult[ok " + set.name() + "@" + set.version() + ", " + set.articles().size() + " articles]"
                : "LoadResult[" + problems.size() + " problems]";
    }
}
