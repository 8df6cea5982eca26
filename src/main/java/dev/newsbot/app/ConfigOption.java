package dev.newsbot.app;

import dev.newsbot.config.ConfigLoader;
import dev.newsbot.config.NewsbotConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --config FILE} option every command that reads the configuration shares (a picocli mixin). */
final class ConfigOption {

    @Option(names = "--config", paramLabel = "FILE",
            description = "YAML configuration (default: $NEWSBOT_CONFIG, else built-in defaults).")
    Path file;

    /** The configuration from {@code --config}, else {@code $NEWSBOT_CONFIG}, else the built-in defaults. */
    NewsbotConfig load() {
        NewsbotConfig config = new ConfigLoader().load(file);
        LogFormat.apply(config.log().format());
        return config;
    }
}
