package dev.newsbot.ops.sets;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.newsbot.articles.Article;
import dev.newsbot.articles.ArticleSet;
import dev.newsbot.console.ProgressBar;
import dev.newsbot.index.PriorIndex;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** What an index build tells its operator: every stage while it runs, and how much a snapshot really gave. */
class IndexProgressAndReuseTest {

    @TempDir
    Path dir;

    private final Logger managerLog = (Logger) LoggerFactory.getLogger(SetManager.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    IndexProgressAndReuseTest() {
        logged.start();
        managerLog.addAppender(logged);
        managerLog.setLevel(Level.INFO);
    }

    @AfterEach
    void detach() {
        managerLog.detachAppender(logged);
    }

    private List<String> messages() {
        synchronized (logged.list) {
            return logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    /** Issue 13, defect 3: a large set's index printed nothing until embedding began; the bar covered embedding only. */
    @Test
    void indexProgressNamesReadingSplittingAndEmbedding() {
        TestBot bot = new TestBot();
        StringWriter text = new StringWriter();
        AtomicLong nanos = new AtomicLong();
        ProgressBar bar = new ProgressBar(new PrintWriter(text, true), false, () -> nanos.addAndGet(500_000_000L));
        ArticleSet set = ArticleSet.of("news", TestBot.towns(1200, 0));

        bot.indexer.index(set, PriorIndex.none(), bar);

        List<String> lines = text.toString().lines().toList();
        assertThat(lines.get(0)).matches("read 1,200 articles, [0-9,]+ characters of text");
        assertThat(lines).contains("split 1200/1200 articles into 1,200 passages (100%)")
                .anyMatch(line -> line.matches("split [0-9]+/1200 articles into [0-9,]+ passages \\([0-9]+%\\)")
                        && !line.startsWith("split 1200/"));
        assertThat(lines.get(lines.size() - 1)).startsWith("embedded 1200/1200 passages (100%)");
        assertThat(lines.indexOf("split 1200/1200 articles into 1,200 passages (100%)"))
                .isLessThan(lines.size() - 1);
    }

    /** A running bot logs the reading stage of a reload through the same progress path. */
    @Test
    void reloadLogsTheArticlesRead() {
        TestBot bot = new TestBot();
        Path file = TestBot.writeJsonl(dir.resolve("news.jsonl"), TestBot.towns(3, 0));

        bot.manager(new SetSource("news", List.of(file), null)).reload("news");

        assertThat(messages()).anyMatch(m -> m.matches("Set \"news\": read 3 articles, [0-9]+ characters of text"));
    }

    /**
     * Issue 13, defect 8: a snapshot (now an index) copied from another set was logged as "reusing N articles" while nothing
     * was reused. The log now gives the true count, after the build, and names the set the snapshot belongs to.
     */
    @Test
    void snapshotCopiedFromAnotherSetIsNotLoggedAsReused() throws IOException {
        TestBot sportBot = new TestBot();
        Path sportFile = TestBot.writeJsonl(dir.resolve("sport.jsonl"), sport());
        Path sportSnapshot = dir.resolve("sport.jsonl.newsbot-index");
        sportBot.manager(new SetSource("sport", List.of(sportFile), sportSnapshot)).reload("sport");
        TestBot newsBot = new TestBot();
        Path newsFile = TestBot.writeJsonl(dir.resolve("news.jsonl"), TestBot.towns(3, 0));
        Path newsSnapshot = dir.resolve("news.jsonl.newsbot-index");
        try (java.util.stream.Stream<Path> files = Files.walk(sportSnapshot)) {
            for (Path from : files.toList()) {
                Files.copy(from, newsSnapshot.resolve(sportSnapshot.relativize(from).toString()),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
        logged.list.clear();

        ReloadReport report = newsBot.manager(new SetSource("news", List.of(newsFile), newsSnapshot)).reload("news");

        assertThat(report.embedded()).isEqualTo(report.passages()).isPositive();
        assertThat(messages()).noneMatch(m -> m.toLowerCase(java.util.Locale.ROOT).contains("reusing"))
                .contains("Set \"news\": reused 0 of 3 articles from index " + newsSnapshot
                        + " (an index of set \"sport\")");
    }

    /** The count is the true one when some articles are reused. */
    @Test
    void snapshotOfTheSameSetReportsTheArticlesReallyReused() {
        TestBot bot = new TestBot();
        Path file = TestBot.writeJsonl(dir.resolve("news.jsonl"), TestBot.towns(3, 0));
        Path snapshot = dir.resolve("news.jsonl.newsbot-index");
        bot.manager(new SetSource("news", List.of(file), snapshot)).reload("news");
        List<Article> next = new ArrayList<>(TestBot.towns(3, 0));
        next.set(2, TestBot.town(2, 1));
        TestBot.writeJsonl(file, next);
        logged.list.clear();

        new TestBot().manager(new SetSource("news", List.of(file), snapshot)).reload("news");

        assertThat(messages()).contains("Set \"news\": reused 2 of 3 articles from index " + snapshot);
    }

    private static List<Article> sport() {
        return List.of(new Article("final", "Cup final won on penalties", "Sport Daily", null, null, null,
                "The home side won the cup final on penalties after a goalless draw."));
    }
}
