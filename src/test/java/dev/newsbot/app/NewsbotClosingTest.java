package dev.newsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbot.config.ConfigLoader;
import dev.newsbot.config.NewsbotConfig;
import dev.newsbot.config.Secrets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
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
            assertThat(bot.closingOrder()).containsExactly("ops scheduler", "search engine", "llm pool",
                    "search pool", "model pool");

            bot.startOps(Secrets.from(Map.of()));

            assertThat(bot.closingOrder()).containsExactly("admin server", "ops scheduler", "search engine",
                    "llm pool", "search pool", "model pool");
        } finally {
            bot.close();
        }
        assertThat(bot.closingOrder()).isEmpty();
    }
}
