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
import dev.newsbot.retrieval.SnapshotContents;
import dev.newsbot.retrieval.SnapshotException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
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
        stdout.println("reading " + paths.stream().map(Path::toString).collect(Collectors.joining(", ")));
        stdout.flush();
        LoadResult loaded = new ArticleLoader().load(name, paths);
        if (!loaded.isOk()) {
            stdout.println(ValidationReport.format(loaded));
            return 1;
        }
        try (Newsbot bot = new Newsbot(settings, Clock.systemUTC())) {
            Path target = out;
            if (target == null) {
                target = SetSource.snapshotFor(name, paths, settings.articles().snapshotDir(), bot.home());
                IndexSnapshot.checkReplaceable(target); // --out was checked before the articles were read
            }
            SetIndexer indexer = bot.indexer();
            long start = System.nanoTime();
            Snapshot prior = prior(target, indexer, stdout);
            IndexBuild build = indexer.index(loaded.set(), prior.index(),
                    new ProgressBar(stdout, System.console() != null, System::nanoTime));
            double indexed = (System.nanoTime() - start) / 1e9;
            if (prior.setName() != null) {
                stdout.println(reuseLine(build, loaded.set().articles().size(), target, name, prior.setName()));
            }
            IndexSnapshot.write(target, indexer.snapshotOf(build.store(), bot.clock().instant()));
            stdout.println(String.format(Locale.ROOT, "Indexed set \"%s\" version %s: %d articles, %d passages "
                    + "(%d embedded, %d reused) in %.1f s; snapshot %s (%.1f MB)", name, loaded.set().version(),
                    loaded.set().articles().size(), build.diff().passages(), build.diff().embedded(),
                    build.diff().passages() - build.diff().embedded(), indexed, target,
                    Files.size(target) / 1e6));
        }
        return 0;
    }

    /** The earlier snapshot at the target, and the set it was built for (null when there is none to reuse). */
    private record Snapshot(PriorIndex index, String setName) {
    }

    private static Snapshot prior(Path target, SetIndexer indexer, PrintWriter stdout) {
        try {
            SnapshotContents contents = IndexSnapshot.read(target, indexer.settings());
            return new Snapshot(PriorIndex.of(contents), contents.header().setName());
        } catch (SnapshotException e) {
            if (e.reason() != SnapshotException.Reason.MISSING) {
                stdout.println("Rebuilding " + target + ": " + e.getMessage());
            }
            return new Snapshot(PriorIndex.none(), null);
        }
    }

    /** How many articles were really reused from the snapshot: unchanged ones only, whatever set it was built for. */
    static String reuseLine(IndexBuild build, int articles, Path target, String name, String snapshotSet) {
        String other = snapshotSet.equals(name) ? "" : " (a snapshot of set \"" + snapshotSet + "\")";
        return "Reused " + build.diff().reused() + " of " + articles + " articles from the snapshot at " + target
                + other;
    }
}
