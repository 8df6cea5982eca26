package dev.newsbot.ops.sets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleWatcherTest {

    private static final Duration DEBOUNCE = Duration.ofMillis(300);
    private static final Duration QUIET = DEBOUNCE.multipliedBy(4);

    @TempDir
    Path dir;

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final List<String> reloads = new CopyOnWriteArrayList<>();
    private final List<Long> reloadedAt = new CopyOnWriteArrayList<>();
    private ArticleWatcher watcher;

    @AfterEach
    void stop() {
        if (watcher != null) {
            watcher.close();
        }
        scheduler.shutdownNow();
    }

    private void watch(SetSource... sources) {
        watcher = new ArticleWatcher(List.of(sources), set -> {
            reloads.add(set);
            reloadedAt.add(System.nanoTime());
        }, scheduler, DEBOUNCE);
        watcher.start();
    }

    @Test
    void should_reload_once_after_a_burst_of_changes_has_settled() throws Exception {
        Path news = Files.createDirectories(dir.resolve("news"));
        watch(new SetSource("news", List.of(news), null));

        long lastWrite = 0;
        for (int i = 0; i < 5; i++) {
            lastWrite = System.nanoTime();
            Files.writeString(news.resolve("a.jsonl"), "edit " + i);
            Thread.sleep(50);
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> reloads.size() == 1);
        Thread.sleep(QUIET.toMillis());
        assertThat(reloads).containsExactly("news");
        assertThat(reloadedAt.get(0) - lastWrite).isGreaterThanOrEqualTo(DEBOUNCE.toNanos());
    }

    @Test
    void should_ignore_hidden_files_such_as_snapshots_and_temporary_files() throws Exception {
        Path news = Files.createDirectories(dir.resolve("news"));
        watch(new SetSource("news", List.of(news), news.resolve(".newsbot-index")));

        Files.writeString(news.resolve(".newsbot-index"), "snapshot");
        Files.writeString(news.resolve("..newsbot-index.123.tmp"), "temporary");
        Thread.sleep(QUIET.toMillis());
        assertThat(reloads).isEmpty();

        Files.writeString(news.resolve("b.md"), "---\ntitle: t\n---\nbody");
        await().atMost(Duration.ofSeconds(10)).until(() -> reloads.size() == 1);
    }

    @Test
    void should_watch_only_the_file_of_a_set_given_as_a_file() throws Exception {
        Path file = Files.writeString(dir.resolve("world.jsonl"), "");
        watch(new SetSource("world", List.of(file), null));

        Files.writeString(dir.resolve("other.jsonl"), "x");
        Thread.sleep(QUIET.toMillis());
        assertThat(reloads).isEmpty();

        Files.writeString(file, "y");
        await().atMost(Duration.ofSeconds(10)).until(() -> reloads.equals(List.of("world")));
    }

    @Test
    void should_follow_new_subfolders_and_keep_sets_apart() throws Exception {
        Path news = Files.createDirectories(dir.resolve("news"));
        Path sport = Files.createDirectories(dir.resolve("sport"));
        watch(new SetSource("news", List.of(news), null), new SetSource("sport", List.of(sport), null));

        Path june = Files.createDirectories(news.resolve("2022/06"));
        await().atMost(Duration.ofSeconds(10)).until(() -> reloads.size() == 1);
        Thread.sleep(QUIET.toMillis());
        Files.writeString(june.resolve("c.md"), "---\ntitle: t\n---\nbody");

        await().atMost(Duration.ofSeconds(10)).until(() -> reloads.size() == 2);
        assertThat(reloads).containsOnly("news");
    }

    @Test
    void should_serve_the_new_version_after_an_edit() throws IOException {
        TestBot bot = new TestBot();
        Path news = Files.createDirectories(dir.resolve("news"));
        TestBot.writeJsonl(news.resolve("a.jsonl"), TestBot.towns(3, 0));
        SetManager manager = bot.manager(new SetSource("news", List.of(news), news.resolve(".newsbot-index")));
        manager.loadAll();
        String before = bot.registry.get("news").articleSet().version();
        watcher = new ArticleWatcher(manager.sources(), manager::reload, scheduler, DEBOUNCE);
        watcher.start();

        TestBot.writeJsonl(news.resolve("a.jsonl"), TestBot.towns(3, 1));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> !manager.lastReload("news").orElseThrow().version().equals(before));
        assertThat(manager.lastReload("news").orElseThrow().changed()).isEqualTo(3);
        assertThat(bot.registry.get("news").articleSet().version())
                .isEqualTo(manager.lastReload("news").orElseThrow().version());
    }
}
