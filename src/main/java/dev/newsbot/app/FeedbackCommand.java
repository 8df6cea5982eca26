package dev.newsbot.app;

import dev.newsbot.config.NewsbotConfig;
import dev.newsbot.fleet.Fleet;
import dev.newsbot.ops.sets.Readiness;
import dev.newsbot.telegram.FeedbackExport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The answers users rated with 👍/👎 on Telegram, kept in {@code NEWSBOT_HOME/telegram/feedback.jsonl}, or with
 * {@code state.redis} in the fleet's Redis.
 */
@Command(name = "feedback", mixinStandardHelpOptions = true,
        description = "Work with the feedback users gave on Telegram (NEWSBOT_HOME/telegram/feedback.jsonl, or "
                + "the fleet's Redis when state.redis is set).",
        subcommands = FeedbackCommand.Export.class)
final class FeedbackCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** {@code newsbot feedback export}. */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write the rated questions in the evaluation question format (load them with "
                    + "eval --questions): one question per rated answer, each user's last vote counting. "
                    + "Answers rated up get their cited articles as gold_urls; the rest need their gold filled in.")
    static final class Export implements Callable<Integer> {

        @Option(names = "--since", paramLabel = "DATE", description = "Only votes cast on or after this day "
                + "(yyyy-mm-dd, UTC).")
        LocalDate since;

        @Option(names = "--votes", paramLabel = "up|down", split = ",",
                description = "Keep answers with at least one vote of these kinds (default: up,down).")
        List<String> votes = List.of("up", "down");

        @Option(names = "--out", paramLabel = "FILE", required = true, description = "The questions file to write.")
        Path out;

        @Option(names = "--home", paramLabel = "DIR", description = "The bot's home folder (default: NEWSBOT_HOME).")
        Path home;

        @Mixin
        ConfigOption config = new ConfigOption();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Set<String> kinds = new LinkedHashSet<>();
            votes.forEach(v -> kinds.add(v.strip().toLowerCase(java.util.Locale.ROOT)));
            NewsbotConfig.State state = config.load().state();
            int n;
            if (state.redis() != null) {
                try (Fleet fleet = Fleet.connect(Newsbot.fleetSettings(state), Clock.systemUTC(),
                        new SimpleMeterRegistry(), new Readiness())) {
                    n = FeedbackExport.export(fleet.telegramStores().feedback(null), since, kinds, out);
                }
            } else {
                n = FeedbackExport.export((home != null ? home : AppHome.resolve()).resolve("telegram"), since,
                        kinds, out);
            }
            spec.commandLine().getErr().println("newsbot: wrote " + n + " question(s) to " + out);
            return 0;
        }
    }
}
