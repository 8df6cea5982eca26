package dev.newsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsbot.answer.Answer;
import dev.newsbot.answer.Question;
import dev.newsbot.config.NewsbotConfig;
import dev.newsbot.ops.sets.SourceRefresher;
import dev.newsbot.sources.FeedServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feed sets end to end, with the real embedding model, against a feed server on 127.0.0.1: {@code ask --articles
 * URL} cites the item's link, and a refresh brings in a new item that is then answered.
 */
class FeedSourcesIT {

    private FeedServer server;

    @BeforeEach
    void serve() throws Exception {
        server = new FeedServer();
        server.body("/feed.xml", feed(item("Lighthouse keeper rescues stranded kayakers", "/news/lighthouse",
                "The keeper of the Skerry Point lighthouse, Tomas Brekke, rescued two kayakers on Friday evening "
                        + "after their boats were swept onto the rocks below the tower by a sudden squall.")),
                "application/rss+xml");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** An RSS feed dated yesterday, so that the retention keeps it whenever the test runs. */
    private String item(String title, String path, String text) {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.now().minus(1, ChronoUnit.DAYS)
                .atOffset(ZoneOffset.UTC));
        return "<item><title>" + title + "</title><link>" + server.url(path) + "</link><pubDate>" + date
                + "</pubDate><description><![CDATA[<p>" + text + "</p>]]></description></item>";
    }

    private static byte[] feed(String... items) {
        return ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Harbour Gazette</title>"
                + "<link>http://127.0.0.1/</link><description>x</description>" + String.join("", items)
                + "</channel></rss>").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void ask_with_a_feed_url_cites_the_items_link() throws Exception {
        List<JsonNode> answers = AskCommandIT.ask("--articles", server.url("/feed.xml"),
                "Who rescued the kayakers at Skerry Point?");

        JsonNode answer = answers.get(0);
        assertThat(answer.get("refused").asBoolean()).isFalse();
        assertThat(answer.get("answer").asText()).contains("Tomas Brekke");
        assertThat(answer.get("citations").get(0).get("url").asText()).isEqualTo(server.url("/news/lighthouse"));
        assertThat(answer.get("citations").get(0).get("source").asText()).isEqualTo("Harbour Gazette");
    }

    @Test
    void a_new_item_is_answered_after_a_refresh(@TempDir Path home) throws Exception {
        NewsbotConfig config = new NewsbotConfig(new NewsbotConfig.Articles(Map.of("news",
                List.of(server.url("/feed.xml"))), "news", false, null), null, null, null, null, null, null, null,
                null, null, null, null);
        String question = "When does the whaling exhibition at the harbour museum close?";
        try (Newsbot bot = new Newsbot(config, Clock.systemUTC(), home)) {
            bot.loadSets();
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            Answer before = bot.answering().engine().answer(Question.of(question, today, "news"));
            assertThat(before.citations()).noneSatisfy(c -> assertThat(c.article().url())
                    .isEqualTo(server.url("/news/whaling")));

            server.body("/feed.xml", feed(item("Museum opens whaling exhibition", "/news/whaling",
                    "The harbour museum opened an exhibition on whaling on Tuesday; it closes in April and entry "
                            + "is free for pupils on weekdays."), item("Lighthouse keeper rescues stranded kayakers",
                    "/news/lighthouse", "The keeper of the Skerry Point lighthouse, Tomas Brekke, rescued two "
                            + "kayakers on Friday evening after their boats were swept onto the rocks below the "
                            + "tower by a sudden squall.")), "application/rss+xml");
            new SourceRefresher(bot.operations().manager().sources(), bot.operations().manager()::reload,
                    Executors.newSingleThreadScheduledExecutor(), java.time.Duration.ofMinutes(15)).refreshNow();

            Answer after = bot.answering().engine().answer(Question.of(question, today, "news"));
            assertThat(after.refused()).isFalse();
            assertThat(after.citations().get(0).article().url()).isEqualTo(server.url("/news/whaling"));
            assertThat(bot.operations().manager().lastReload("news").orElseThrow().added()).isEqualTo(1);
            assertThat(bot.operations().metrics().scrape())
                    .contains("newsbot_source_fetch_total{result=\"ok\",set=\"news\"} 2.0")
                    .containsPattern("newsbot_source_newest_item_age_seconds\\{set=\"news\"} 8\\d{4}\\.0");
            assertThat(bot.operations().status().render()).contains("feed " + server.url("/feed.xml") + ": ok at ");

            server.status("/feed.xml", 503); // the outlet fails: its last good items keep being served
            bot.operations().manager().reload("news");
            assertThat(bot.answering().engine().answer(Question.of("Which museum opened an exhibition on whaling?", today, "news")).citations().get(0)
                    .article().url()).isEqualTo(server.url("/news/whaling"));
            assertThat(bot.operations().metrics().scrape())
                    .contains("newsbot_source_fetch_total{result=\"failed\",set=\"news\"} 1.0");
            assertThat(bot.operations().status().render()).contains("feed " + server.url("/feed.xml") + ": failed at ")
                    .contains("its last good items are served")
                    .contains("1 error, first: " + server.url("/feed.xml") + ": HTTP 503");
        }
    }
}
