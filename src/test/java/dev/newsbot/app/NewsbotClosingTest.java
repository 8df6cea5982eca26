package dev.newsbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsbot.config.ConfigLoader;
import dev.newsbot.config.NewsbotConfig;
import dev.newsbot.config.Secrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The composition root owns each pool, server and client once, and stops them in reverse order of creation. */
class NewsbotClosingTest {

    @TempDir
    Path home;

    @Test
    void should_stop_what_it_started_in_reverse_order_of_creation() {
        NewsbotConfig config = new ConfigLoader(Map.of("NEWSBOT_ADMIN_ADDR", "127.0.0.1:0")).load(null);
        Newsbot bot = new Newsbot(config, Clock.systemUTC(), home);
        try {
            assertThat(bot.closingOrder()).containsExactly("ops scheduler", "search engine",
                    "retrieval pool", "llm pool", "search pool", "model pool");

            bot.startOps(Secrets.from(Map.of()));

            assertThat(bot.closingOrder()).containsExactly("admin server", "ops scheduler", "search engine",
                    "retrieval pool", "llm pool", "search pool", "model pool");
        } finally {
            bot.close();
        }
        assertThat(bot.closingOrder()).isEmpty();
    }

    @Test
    void should_stop_what_it_started_when_a_later_part_cannot_be_built() throws IOException {
        Path prompts = Files.createDirectories(home.resolve("prompts"));
        Files.writeString(prompts.resolve("search-unavailable.txt"), "Search is down for {{sett}}.");
        NewsbotConfig config = new ConfigLoader(Map.of("NEWSBOT_PROMPTS", prompts.toString())).load(null);
        Resources resources = new Resources();
        ExecutorService before = resources.pool("caller's pool", Executors.newSingleThreadExecutor());

        assertThatThrownBy(() -> new Newsbot(config, Clock.systemUTC(), home, resources))
                .hasMessageContaining("search-unavailable.txt").hasMessageContaining("{{sett}}");

        assertThat(resources.closingOrder()).isEmpty();
        assertThat(before.isShutdown()).isTrue();
        assertThatThrownBy(() -> resources.own("late", () -> { })).hasMessageContaining("cannot own late");
    }
}
