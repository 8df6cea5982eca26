package dev.newsbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code sources} keys (issue 17): read from the file and the environment, checked with one-line errors. */
class SourcesConfigTest {

    @TempDir
    Path dir;

    private NewsbotConfig read(String yaml, Map<String, String> env) throws IOException {
        return new ConfigLoader(env).read(Files.writeString(dir.resolve("newsbot.yaml"), yaml));
    }

    @Test
    void a_feed_set_with_refresh_retention_and_hosts() throws IOException {
        NewsbotConfig config = read("""
                articles:
                  sets:
                    world: [https://feeds.example.org/world.xml, /srv/news/world/]
                  default: world
                sources:
                  refresh: 15m
                  keepDays: 14
                  userAgent: "examplebot/1.0 (+https://example.org/bot)"
                  allowHosts: [www.example.org]
                """, Map.of());

        assertThat(config.articles().sets().get("world")).containsExactly("https://feeds.example.org/world.xml",
                "/srv/news/world/");
        assertThat(config.sources().refreshEvery()).contains(Duration.ofMinutes(15));
        assertThat(config.sources().keepDays()).isEqualTo(14);
        assertThat(config.sources().userAgent()).isEqualTo("examplebot/1.0 (+https://example.org/bot)");
        assertThat(config.sources().allowHosts()).isEqualTo(List.of("www.example.org"));
        assertThat(config.sources().maxBytes()).isEqualTo(5_000_000);
        assertThat(config.sources().timeoutSeconds()).isEqualTo(20);
    }

    @Test
    void defaults_fetch_at_start_and_reload_only() {
        NewsbotConfig.Sources sources = NewsbotConfig.defaults().sources();
        assertThat(sources.refreshEvery()).isEmpty();
        assertThat(sources.keepDays()).isEqualTo(30);
    }

    @Test
    void the_environment_overrides_and_bad_values_name_the_key() throws IOException {
        assertThat(read("", Map.of("NEWSBOT_SOURCES_REFRESH", "1h", "NEWSBOT_SOURCES_KEEP_DAYS", "7")).sources())
                .satisfies(s -> assertThat(s.refreshEvery()).contains(Duration.ofHours(1)))
                .satisfies(s -> assertThat(s.keepDays()).isEqualTo(7));
        assertThatThrownBy(() -> read("sources:\n  refresh: 15 minutes\n", Map.of()))
                .hasMessageEndingWith("sources.refresh must be a number and a unit (s, m, h or d), such as 15m, "
                        + "was \"15 minutes\"");
        assertThatThrownBy(() -> read("sources:\n  refresh: 10s\n", Map.of()))
                .hasMessageEndingWith("sources.refresh must be at least 1m, was \"10s\"");
        assertThatThrownBy(() -> read("sources:\n  keepDays: 0\n", Map.of()))
                .hasMessageEndingWith("sources.keepDays must be 1 to 3650, was 0");
        assertThatThrownBy(() -> read("sources:\n  allowHosts: [\"https://x.org/\"]\n", Map.of()))
                .hasMessageContaining("sources.allowHosts must list host names such as www.example.org");
    }
}
