package dev.newsbot.ops.sets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbot.OpenSearchNode;
import dev.newsbot.answer.Answer;
import dev.newsbot.answer.AnswerEngine;
import dev.newsbot.answer.Question;
import dev.newsbot.answer.SearchOutageEngine;
import dev.newsbot.config.Template;
import dev.newsbot.index.IndexedSet;
import dev.newsbot.index.TextAnalyzer;
import dev.newsbot.index.UrlSlugs;
import dev.newsbot.opensearch.ClusterHealth;
import dev.newsbot.opensearch.OpenSearchCluster;
import dev.newsbot.opensearch.OpenSearchSets;
import dev.newsbot.opensearch.OpenSearchSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node of its own ({@code scripts/opensearch-dev.sh} on port {@value #PORT}) stopped and started again while
 * questions keep coming: while it is down every question gets the short "search is unavailable" notice (no
 * exception, no answer from nowhere) and {@code /readyz} says why; within 10 s of its return questions are answered
 * again and the bot is ready, without a restart of the bot.
 */
class OpenSearchRestartIT {

    private static final int PORT = 9277;
    private static final Duration RECOVERY = Duration.ofSeconds(10);

    @TempDir
    Path dir;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    record Asked(long at, Answer answer) {
    }

    @AfterEach
    void stop() throws Exception {
        scheduler.shutdownNow();
        script("stop");
    }

    @Test
    void should_tell_search_is_unavailable_while_the_node_is_down_and_answer_again_once_it_is_back()
            throws Exception {
        OpenSearchNode.require();
        script("start");
        TestBot bot = new TestBot();
        OpenSearchCluster cluster = OpenSearchCluster.connect(new OpenSearchSettings(
                List.of(URI.create("http://127.0.0.1:" + PORT)), "restart-", 1, 0, Duration.ofSeconds(2)),
                Optional.empty());
        Path file = TestBot.writeJsonl(dir.resolve("news.jsonl"), TestBot.towns(50, 0));
        SetManager manager = bot.manager(new OpenSearchSets(cluster, TextAnalyzer.stopWords(), 64,
                UrlSlugs::heading, new TextAnalyzer(), IndexedSet.SOURCE_BOOST), new SetSource("news", List.of(file),
                null));
        manager.loadAll();
        ClusterHealth health = new ClusterHealth(cluster, manager.readiness());
        health.start(scheduler, 500);
        AtomicInteger outages = new AtomicInteger();
        AnswerEngine engine = new SearchOutageEngine(bot.engine, bot.registry, Template.parse("notice",
                "Search is unavailable, try again shortly.", Set.of(), Set.of("set")), e -> {
                    outages.incrementAndGet();
                    health.down(e.getMessage());
                });
        ConcurrentLinkedQueue<Asked> asked = new ConcurrentLinkedQueue<>();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        Thread asker = new Thread(() -> ask(engine, stop, asked, failures));
        asker.start();

        Thread.sleep(1000);
        script("stop");
        long down = System.nanoTime();
        Thread.sleep(3000);
        List<String> reasonsWhileDown = manager.readiness().reasons();
        long restarting = System.nanoTime(); // the start script returns a moment after the node answers again
        script("start");
        long back = System.nanoTime();
        long answered = waitForAnswer(asked, back);
        long ready = waitForReady(manager, back);
        stop.set(true);
        asker.join(10_000);
        cluster.close();

        assertThat(failures).isEmpty();
        assertThat(reasonsWhileDown).anySatisfy(r -> assertThat(r).startsWith("search:"));
        List<Answer> whileDown = asked.stream().filter(a -> a.at() > down + 1_000_000_000L && a.at() < restarting)
                .map(Asked::answer).toList();
        assertThat(whileDown).isNotEmpty().allSatisfy(a -> {
            assertThat(a.mode()).isEqualTo(SearchOutageEngine.MODE);
            assertThat(a.refusal()).isEqualTo("Search is unavailable, try again shortly.");
        });
        assertThat(outages.get()).isPositive();
        assertThat(Duration.ofNanos(answered - back)).isLessThan(RECOVERY);
        assertThat(Duration.ofNanos(ready - back)).isLessThan(RECOVERY);
        System.out.printf("opensearch restart: %d questions, %d while down, answered again %.1f s and ready %.1f s"
                + " after the node answered%n", asked.size(), whileDown.size(), (answered - back) / 1e9,
                (ready - back) / 1e9);
    }

    private static long waitForAnswer(ConcurrentLinkedQueue<Asked> asked, long back) throws InterruptedException {
        long deadline = back + 2 * RECOVERY.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Asked> first = asked.stream().filter(a -> a.at() > back)
                    .filter(a -> !a.answer().mode().equals(SearchOutageEngine.MODE)).findFirst();
            if (first.isPresent()) {
                return first.get().at();
            }
            Thread.sleep(50);
        }
        return deadline;
    }

    private static long waitForReady(SetManager manager, long back) throws InterruptedException {
        long deadline = back + 2 * RECOVERY.toNanos();
        while (System.nanoTime() < deadline && !manager.readiness().reasons().isEmpty()) {
            Thread.sleep(50);
        }
        return System.nanoTime();
    }

    private static void ask(AnswerEngine engine, AtomicBoolean stop, ConcurrentLinkedQueue<Asked> asked,
                            List<Throwable> failures) {
        int k = 0;
        while (!stop.get()) {
            try {
                // Each question is new, so none is served from the answer cache: every one needs the node.
                Answer answer = engine.answer(Question.of("How many new schools did the mayor of Town" + (k % 50)
                        + " open, asked for the " + k++ + "th time?", TestBot.DAY, "news"));
                asked.add(new Asked(System.nanoTime(), answer));
                Thread.sleep(20);
            } catch (RuntimeException | Error e) {
                failures.add(e);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void script(String command) throws IOException, InterruptedException {
        Path log = dir.resolve("opensearch-dev-" + command + ".log");
        Process process = new ProcessBuilder("bash", "scripts/opensearch-dev.sh", command, "--port",
                String.valueOf(PORT)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroy();
            throw new IllegalStateException("scripts/opensearch-dev.sh " + command + " failed:\n"
                    + Files.readString(log));
        }
    }
}
