package dev.newsbot.app;

import dev.newsbot.config.NewsbotConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options shared by the commands that load articles. */
final class CommonOptions {

    @Option(names = "--articles", paramLabel = "PATH",
            description = "An article file or directory for the default set (JSON Lines, Markdown, text), or the "
                    + "http(s) URL of an RSS or Atom feed. "
                    + ArticlePaths.RULE + " Default: the bundled seed article.")
    List<Path> articles = new ArrayList<>();

    @Mixin
    ConfigOption config = new ConfigOption();

    NewsbotConfig config() {
        NewsbotConfig loaded = config.load();
        try {
            return articles.isEmpty() ? loaded : loaded.withDefaultSetPaths(articles);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--articles: " + e.getMessage(), e);
        }
    }

    Newsbot start() {
        Newsbot bot = new Newsbot(config(), Clock.systemUTC());
        bot.loadSets();
        return bot;
    }
}
