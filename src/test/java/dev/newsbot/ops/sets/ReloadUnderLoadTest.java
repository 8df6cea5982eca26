package dev.newsbot.ops.sets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbot.answer.Answer;
import dev.newsbot.answer.AnswerSentence;
import dev.newsbot.answer.Citation;
import dev.newsbot.articles.Article;
import dev.newsbot.articles.ArticleSet;
import dev.newsbot.ops.sets.Askers.Asked;
import dev.newsbot.search.RetrievedPassage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Questions keep being answered while a set is reloaded: none fails, and every answer comes wholly from the old
 * version or wholly from the new one.
 */
class ReloadUnderLoadTest {

    private static final int ARTICLES = 400;
    private static final int ASKERS = 3;

    @TempDir
    Path dir;

    @Test
    void should_answer_every_question_from_one_whole_version_during_a_reload() throws Exception {
        TestBot bot = new TestBot(2);
        Path file = TestBot.writeJsonl(dir.resolve("news.jsonl"), TestBot.towns(ARTICLES, 0));
        SetManager manager = bot.manager(new SetSource("news", List.of(file), null));
        manager.loadAll();
        Map<String, Map<String, Article>> versions = new java.util.HashMap<>();
        remember(versions, TestBot.towns(ARTICLES, 0));
        remember(versions, TestBot.towns(ARTICLES, 1));
        Askers askers = new Askers(bot.engine, ASKERS, ARTICLES);

        Thread.sleep(300);
        TestBot.writeJsonl(file, TestBot.towns(ARTICLES, 1));
        long reloadStart = System.nanoTime();
        ReloadReport report = manager.reload("news");
        long reloadEnd = System.nanoTime();
        Thread.sleep(300);
        assertThat(askers.stop()).isTrue();
        ConcurrentLinkedQueue<Asked> asked = askers.asked;

        assertThat(askers.failures).isEmpty();
        assertThat(report.ok()).isTrue();
        assertThat(report.changed()).isEqualTo(ARTICLES);
        assertThat(versions).containsKeys(report.previousVersion(), report.version());
        for (Asked a : asked) {
            assertWhollyFrom(versions.get(a.answer().set().version()), a.answer());
        }
        List<Asked> during = asked.stream().filter(a -> a.end() > reloadStart && a.start() < reloadEnd).toList();
        assertThat(during).extracting(a -> a.answer().set().version()).contains(report.previousVersion());
        assertThat(asked.stream().filter(a -> a.start() > reloadEnd))
                .isNotEmpty().allMatch(a -> a.answer().set().version().equals(report.version()));
        assertThat(asked).anyMatch(a -> !a.answer().refused());
        System.out.printf("reload under load: %d questions, %d during the %.2f s reload, p99 during it %.2f ms%n",
                asked.size(), during.size(), (reloadEnd - reloadStart) / 1e9, p99Millis(during));
    }

    private static void remember(Map<String, Map<String, Article>> versions, List<Article> articles) {
        versions.put(ArticleSet.of("news", articles).version(),
                articles.stream().collect(Collectors.toMap(Article::id, Function.identity())));
    }

    private static void assertWhollyFrom(Map<String, Article> version, Answer answer) {
        assertThat(version).as("version %s is one of the two", answer.set().version()).isNotNull();
        for (Citation citation : answer.citations()) {
            assertThat(citation.article()).isEqualTo(version.get(citation.article().id()));
        }
        for (RetrievedPassage passage : answer.retrieved()) {
            assertThat(passage.article()).isEqualTo(version.get(passage.article().id()));
        }
        for (AnswerSentence sentence : answer.sentences()) {
            String body = answer.citations().get(sentence.sources().get(0) - 1).article().body();
            if (sentence.text().split("\\s+").length > 3) {
                assertThat(body).contains(sentence.text());
            } else {
                assertThat(body).as("short answer %s", sentence.text())
                        .contains(sentence.text().replaceAll("[.]$", "").split(" ")[0]);
            }
        }
    }

    private static double p99Millis(List<Asked> asked) {
        long[] nanos = asked.stream().mapToLong(a -> a.end() - a.start()).sorted().toArray();
        return nanos.length == 0 ? 0 : nanos[(int) Math.ceil(nanos.length * 0.99) - 1] / 1e6;
    }
}
