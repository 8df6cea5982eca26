package dev.newsbot.app;

import dev.newsbot.articles.ArticleLoader;
import dev.newsbot.articles.ArticleSet;
import dev.newsbot.articles.LoadResult;
import dev.newsbot.articles.ValidationReport;
import dev.newsbot.config.NewsbotConfig;
import dev.newsbot.console.ProgressBar;
import dev.newsbot.index.IndexBuild;
import dev.newsbot.index.IndexDirectory;
import dev.newsbot.index.IndexException;
import dev.newsbot.index.PriorIndex;
import dev.newsbot.index.SetIndex;
import dev.newsbot.index.SetIndexer;
import dev.newsbot.ops.sets.SetSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Builds a set's passage index ahead of time, so that the bot starts without embedding. */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = "Build the passage index of article files ahead of time: a bar with rate and ETA on a "
                + "terminal, plain progress lines otherwise. An existing index at the target is reused for "
                + "unchanged articles.")
final class IndexCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Article files or directories.")
    List<Path> paths;

    @Option(names = "--out", paramLabel = "INDEX",
            description = "The index folder (default: where `run` looks for it: <file>.newsbot-index beside the "
                    + "first file, <dir>/.newsbot-index in the first directory). Only a missing path or our own "
                    + "index is replaced; any other file or folder is refused.")
    Path out;

    @Option(names = "--set", paramLabel = "NAME", description = "The set's name (default: the default set).")
    String set;

    @Mixin
    ConfigOption config = new ConfigOption();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        if (out != null) {
            IndexDirectory.at(out).checkReplaceable();
        }
        NewsbotConfig settings = config.load();
        String name = set != null ? set : settings.articles().defaultSet();
        stdout.println("reading " + paths.stream().map(Path::toString).collect(Collectors.joining(", ")));
        stdout.flush();
        ArticleLoader loader = new ArticleLoader();
        String fingerprint = loader.fingerprint(paths).orElse(null);
        LoadResult loaded = loader.load(name, paths);
        if (!loaded.isOk()) {
            stdout.println(ValidationReport.format(loaded));
            return 1;
        }
        try (Newsbot bot = new Newsbot(settings, Clock.systemUTC())) {
            Newsbot.Indexing indexing = bot.indexing();
            Path target = out;
            if (target == null) {
                target = SetSource.snapshotFor(name, paths, settings.articles().snapshotDir(), indexing.home());
                IndexDirectory.at(target).checkReplaceable(); // --out was checked before the articles were read
            }
            SetIndexer indexer = indexing.indexer();
            long start = System.nanoTime();
            SetIndex earlier = earlier(target, indexer, stdout);
            if (earlier != null && holds(earlier, name, loaded.set(), fingerprint)) {
                try (earlier) {
                    stdout.println(unchangedLine(earlier, target));
                }
                return 0;
            }
            IndexBuild build;
            try {
                build = indexer.index(loaded.set(), earlier == null ? PriorIndex.none() : PriorIndex.of(earlier),
                        new ProgressBar(stdout, System.console() != null, System::nanoTime),
                        IndexDirectory.at(target), fingerprint);
            } finally {
                if (earlier != null) {
                    earlier.close();
                }
            }
            double indexed = (System.nanoTime() - start) / 1e9;
            if (earlier != null) {
                stdout.println(reuseLine(build, loaded.set().articles().size(), target, name,
                        earlier.header().setName()));
            }
            stdout.println(String.format(Locale.ROOT, "Indexed set \"%s\" version %s: %d articles, %d passages "
                    + "(%d embedded, %d reused) in %.1f s; index %s (%.1f MB)", name, loaded.set().version(),
                    loaded.set().articles().size(), build.diff().passages(), build.diff().embedded(),
                    build.diff().passages() - build.diff().embedded(), indexed, target,
                    build.store().index().bytes() / 1e6));
        }
        return 0;
    }

    /** The earlier index at the target, opened with the current settings; null when there is none to reuse. */
    private static SetIndex earlier(Path target, SetIndexer indexer, PrintWriter stdout) {
        try {
            return IndexDirectory.at(target).open(indexer.settings());
        } catch (IndexException e) {
            if (e.reason() != IndexException.Reason.MISSING) {
                stdout.println("Rebuilding " + target + ": " + e.getMessage());
            }
            return null;
        }
    }

    /**
     * True when {@code index} already holds this very version of set {@code name}, made from files of this
     * {@code fingerprint}: nothing to write. An index of the same version that does not record the files'
     * fingerprint is written again (every passage and vector reused, no model call), so that starts can serve it
     * without reading the files.
     */
    static boolean holds(SetIndex index, String name, ArticleSet set, String fingerprint) {
        return index.header().setName().equals(name) && index.header().setVersion().equals(set.version())
                && Objects.equals(index.header().sources(), fingerprint);
    }

    /** Says that the index at the target already holds the set's version, which is reused as it is. */
    static String unchangedLine(SetIndex index, Path target) {
        return String.format(Locale.ROOT, "Reused the index at %s: it already holds set \"%s\" version %s (%d "
                + "passages); nothing rebuilt", target, index.header().setName(), index.header().setVersion(),
                index.size());
    }

    /** How many articles were really reused from the index: unchanged ones only, whatever set it was built for. */
    static String reuseLine(IndexBuild build, int articles, Path target, String name, String earlierSet) {
        String other = earlierSet.equals(name) ? "" : " (an index of set \"" + earlierSet + "\")";
        return "Reused " + build.diff().reused() + " of " + articles + " articles from the index at " + target
                + other;
    }
}
