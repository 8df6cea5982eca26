package dev.newsbot.app;

import dev.newsbot.config.ConfigLoader;
import dev.newsbot.config.NewsbotConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --config FILE} and {@code --engine} options every command that reads the configuration shares (a picocli mixin). */
final class ConfigOption {

    @Option(names = "--config", paramLabel = "FILE",
            description = "YAML configuration (default: $NEWSBOT_CONFIG, else built-in defaults).")
    Path file;

    @Option(names = "--engine", paramLabel = "ENGINE",
            description = "Where passages are searched: lucene or opensearch (default: search.engine, else lucene).")
    String engine;

    /**
     * The configuration from {@code --config}, else {@code $NEWSBOT_CONFIG}, else the built-in defaults; then
     * {@code --engine}.
     */
    NewsbotConfig load() {
        NewsbotConfig config = new ConfigLoader().load(file);
        LogFormat.apply(config.log().format());
        return engine == null ? config : config.withSearch(config.search().withEngine(engine));
    }
}
