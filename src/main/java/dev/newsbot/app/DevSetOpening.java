package dev.newsbot.app;

import dev.newsbot.answer.AnswerEngine;
import dev.newsbot.answer.Question;
import dev.newsbot.articles.ArticleLoader;
import dev.newsbot.articles.LoadResult;
import dev.newsbot.index.IndexDirectory;
import dev.newsbot.index.IndexException;
import dev.newsbot.index.IndexedSet;
import dev.newsbot.index.SetIndex;
import dev.newsbot.index.SetIndexer;
import dev.newsbot.index.SetRegistry;
import dev.newsbot.ops.sets.SetSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * For {@code bench}: opens the index a start would open for one dev set's article file, as a start does it, and
 * answers a first question from it; never writes or rebuilds. The index is the one {@code ask --articles FILE}
 * keeps ({@link SetSource#snapshotFor}); when it records the file's fingerprint the articles come from the index,
 * otherwise the file is read and validated first, as at a start. An index that is missing or made with other
 * settings is skipped, with the reason.
 */
final class DevSetOpening {

    /**
     * One dev set's figures.
     *
     * @param name     the set's folder name, such as {@code rtqa2024}
     * @param openS    seconds to open the index and make the set servable (file fingerprint, checksums of every
     *                 index file, and either restoring the articles from the index or reading the file); the model is
     *                 already loaded
     * @param answerMs milliseconds to answer the first question from it
     * @param readFile whether the article file had to be read
     * @param skipped  why it was not measured, or null
     */
    record Figures(String name, double openS, double answerMs, boolean readFile, String skipped) {

        String line() {
            return skipped != null ? String.format(Locale.ROOT, "  %-10s not measured: %s", name, skipped)
                    : String.format(Locale.ROOT, "  %-10s open %.2f s (%s), first answer %.1f ms", name, openS,
                    readFile ? "article file read and validated" : "articles from the index, file not read",
                    answerMs);
        }
    }

    private final SetIndexer indexer;
    private final AnswerEngine engine;
    private final SetRegistry registry;
    private final Path home;
    private final String snapshotDir;

    DevSetOpening(SetIndexer indexer, AnswerEngine engine, SetRegistry registry, Path home, String snapshotDir) {
        this.indexer = Objects.requireNonNull(indexer, "indexer");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.home = Objects.requireNonNull(home, "home");
        this.snapshotDir = snapshotDir;
    }

    /** The article files of the dev sets under {@code evalDir} ({@code <set>/articles.jsonl}), by name. */
    static List<Path> under(Path evalDir) {
        return List.of("mhr500", "rtqa2022", "rtqa2024").stream().map(n -> evalDir.resolve(n).resolve("articles.jsonl"))
                .filter(Files::isRegularFile).toList();
    }

    Figures measure(Path articles, String question, LocalDate askedOn) {
        String name = articles.toAbsolutePath().getParent().getFileName().toString();
        String setName = "bench-dev-" + name;
        Path snapshot = SetSource.snapshotFor("default", List.of(articles), snapshotDir, home);
        if (!Files.isDirectory(snapshot)) {
            return new Figures(name, 0, 0, false, "no index at " + snapshot + " (run `index " + articles + "`)");
        }
        long start = System.nanoTime();
        ArticleLoader loader = new ArticleLoader();
        String fingerprint = loader.fingerprint(List.of(articles)).orElse(null);
        SetIndex index;
        try {
            index = IndexDirectory.at(snapshot).open(indexer.settings());
        } catch (IndexException e) {
            return new Figures(name, 0, 0, false, e.getMessage());
        }
        IndexedSet store;
        boolean read = fingerprint == null || !fingerprint.equals(index.header().sources());
        try {
            store = read ? served(loader, articles, setName, index) : indexer.restore(setName, index);
        } catch (RuntimeException e) {
            index.close();
            return new Figures(name, 0, 0, read, e.getMessage());
        }
        if (store == null) {
            index.close();
            return new Figures(name, 0, 0, true, "the index holds another version of " + articles);
        }
        double openS = (System.nanoTime() - start) / 1e9;
        registry.put(store);
        try {
            long asked = System.nanoTime();
            engine.answer(Question.of(question, askedOn, setName));
            return new Figures(name, openS, (System.nanoTime() - asked) / 1e6, read, null);
        } finally {
            registry.remove(setName);
            index.close();
        }
    }

    /** The set read from its file and served from the index, or null when the index holds another version. */
    private IndexedSet served(ArticleLoader loader, Path articles, String setName, SetIndex index) {
        LoadResult loaded = loader.load(setName, List.of(articles));
        if (!loaded.isOk() || !loaded.set().version().equals(index.header().setVersion())) {
            return null;
        }
        return indexer.serve(loaded.set(), index);
    }
}
