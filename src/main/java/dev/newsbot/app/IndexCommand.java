package dev.newsbot.app;

import dev.newsbot.articles.ArticleLoader;
import dev.newsbot.articles.LoadResult;
import dev.newsbot.articles.ValidationReport;
import dev.newsbot.config.NewsbotConfig;
import dev.newsbot.ops.ProgressBar;
import dev.newsbot.ops.SetSource;
import dev.newsbot.retrieval.IndexBuild;
import dev.newsbot.retrieval.IndexSnapshot;
import dev.newsbot.retrieval.PriorIndex;
import dev.newsbot.retrieval.SetIndexer;
import dev.newsbot.retrieval.SnapshotException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Builds a set's index snapshot ahead of time, so that the bot starts without embedding. */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = "Build the index snapshot of article files ahead of time: a bar with rate and ETA on a "
                + "terminal, plain progress lines otherwise. An existing snapshot at the target is reused for "
                + "unchanged articles.")
final class IndexCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Article files or directories.")
    List<Path> paths;

    @Option(names = "--out", paramLabel = "SNAPSHOT",
            description = "The snapshot file (default: where `run` looks for it: <file>.newsbot-index beside the "
                    + "first file, <dir>/.newsbot-index in the first directory). Only a missing file or a "
                    + "snapshot is replaced; any other file is refused.")
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
            IndexSnapshot.checkReplaceable(out);
        }
        NewsbotConfig settings = config.load();
        String name = set != null ? set : settings.articles().defaultSet();
        LoadResult loaded = new ArticleLoader().load(name, paths);
        if (!loaded.isOk()) {
            stdout.println(ValidationReport.format(loaded));
            return 1;
        }
        try (Newsbot bot = new Newsbot(settings, Clock.systemUTC())) {
            Path target = out != null ? out
                    : SetSource.snapshotFor(name, paths, settings.articles().snapshotDir(), bot.home());
            SetIndexer indexer = bot.indexer();
            long start = System.nanoTime();
            PriorIndex prior = prior(target, indexer, stdout);
            IndexBuild build = indexer.index(loaded.set(), prior,
                    new ProgressBar(stdout, System.console() != null, System::nanoTime));
            double indexed = (System.nanoTime() - start) / 1e9;
            IndexSnapshot.write(target, indexer.snapshotOf(build.store(), bot.clock().instant()));
            stdout.println(String.format(Locale.ROOT, "Indexed set \"%s\" version %s: %d articles, %d passages "
                    + "(%d embedded, %d reused) in %.1f s; snapshot %s (%.1f MB)", name, loaded.set().version(),
                    loaded.set().articles().size(), build.diff().passages(), build.diff().embedded(),
                    build.diff().passages() - build.diff().embedded(), indexed, target,
                    Files.size(target) / 1e6));
        }
        return 0;
    }

    private static PriorIndex prior(Path target, SetIndexer indexer, PrintWriter stdout) {
        try {
            PriorIndex prior = PriorIndex.of(IndexSnapshot.read(target, indexer.settings()));
            stdout.println("Reusing " + prior.articles() + " articles of the snapshot at " + target);
            return prior;
        } catch (SnapshotException e) {
            if (e.reason() != SnapshotException.Reason.MISSING) {
                stdout.println("Rebuilding " + target + ": " + e.getMessage());
            }
            return PriorIndex.none();
        }
    }
}
