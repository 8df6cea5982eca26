package dev.newsbot.ops.why;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbot.chat.ChatRequest;
import dev.newsbot.chat.ChatService;
import dev.newsbot.chat.DefaultChatService;
import dev.newsbot.ops.metrics.Status;
import dev.newsbot.ops.sets.SetManager;
import dev.newsbot.ops.sets.SetSource;
import dev.newsbot.ops.sets.TestBot;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WhyAndStatusTest {

    private static final Instant SENT = TestBot.DAY.atStartOfDay().toInstant(ZoneOffset.UTC);

    @TempDir
    Path dir;

    private TestBot bot;
    private SetManager manager;
    private LastAnswers last;
    private ChatService chat;

    @BeforeEach
    void start() {
        bot = new TestBot();
        Path file = TestBot.writeJsonl(dir.resolve("news.jsonl"), TestBot.towns(6, 0));
        manager = bot.manager(new SetSource("news", List.of(file), null));
        manager.loadAll();
        last = new LastAnswers(100);
        chat = new DefaultChatService(bot.engine, bot.registry, c -> "news", Clock.systemUTC(), last);
    }

    private void ask(String chatId, String question) {
        chat.ask(new ChatRequest(chatId, "7", question, SENT, null));
    }

    @Test
    void should_explain_the_last_answer_of_each_chat() {
        ask("1", "How many new schools did the mayor of Town2 open?");
        ask("2", "How many new schools did the mayor of Town4 open?");

        String why = new Why(last).forChat("1");
        System.out.println(why);

        assertThat(why).contains("Question: How many new schools did the mayor of Town2 open?")
                .contains("Set news, version " + bot.registry.get("news").articleSet().version())
                .contains("Retrieved passages (fused score, cosine, BM25 rank, dense rank):")
                .containsPattern("\\d\\. \\d\\.\\d{4}  cos \\d\\.\\d{3}  bm25 #\\d+  dense #\\d+ cited \\[1]  "
                        + "Mayor of Town2 opens schools: ")
                .contains("Cited sentences:").contains("[1] Mayor of Town2 opens schools")
                .containsPattern("The mayor of Town2 opened 2 new schools on Monday\\. \\[1]")
                .containsPattern("Time: embed \\d+\\.\\d ms, retrieve \\d+\\.\\d ms, answer \\d+\\.\\d ms "
                        + "\\(total \\d+\\.\\d ms\\)");
        assertThat(new Why(last).forChat("2")).contains("Town4");
    }

    @Test
    void should_say_so_when_the_chat_has_no_answer_yet() {
        assertThat(new Why(last).forChat("3")).isEqualTo(Why.NONE);
    }

    @Test
    void should_keep_only_the_most_recently_active_chats() {
        LastAnswers small = new LastAnswers(2);
        ChatService bounded = new DefaultChatService(bot.engine, bot.registry, c -> "news", Clock.systemUTC(), small);
        for (String chatId : List.of("a", "b", "c")) {
            bounded.ask(new ChatRequest(chatId, null, "How many schools in Town1?", SENT, null));
        }

        assertThat(small.last("a")).isEmpty();
        assertThat(small.last("b")).isPresent();
        assertThat(small.last("c")).isPresent();
    }

    @Test
    void should_report_sets_last_reloads_cache_hit_rate_and_uptime() {
        ask("1", "How many new schools did the mayor of Town2 open?");
        ask("1", "How many new schools did the mayor of Town2 open?");
        Clock later = Clock.fixed(manager.startedAt().plus(Duration.ofHours(26).plusMinutes(3).plusSeconds(4)),
                ZoneOffset.UTC);

        String status = new Status(manager, bot.registry, bot.engine::counts, later).render();
        System.out.println(status);

        assertThat(status).startsWith("Up 1d 2h 03m 04s, since ")
                .contains("news (default): 6 articles, " + bot.registry.get("news").size() + " passages, newest "
                        + TestBot.DAY.minusDays(1) + ", version " + bot.registry.get("news").articleSet().version())
                .containsPattern("last reload: \\S+, ok: 6 added, 0 removed, 0 changed, \\d+ embedded, \\d+\\.\\d\\d s")
                .contains("Answer cache: 50% hits (1 of 2 lookups)");
    }

    @Test
    void should_show_a_failed_reload_in_the_status() throws Exception {
        java.nio.file.Files.writeString(manager.sources().get(0).paths().get(0), "{\"title\": \"t\"}\n");
        manager.reload("news");

        String status = new Status(manager, bot.registry, bot.engine::counts, Clock.systemUTC()).render();

        assertThat(status).contains("failed with 1 error (first: ").contains(":1: body:");
    }
}
