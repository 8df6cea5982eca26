package dev.newsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbot.config.NewsbotConfig;
import dev.newsbot.telegram.TelegramBot;
import dev.newsbot.telegram.TelegramSettings;
import dev.newsbot.telegram.TelegramTestSettings;
import dev.newsbot.telegram.fake.FakeBotApi;
import dev.newsbot.telegram.fake.FakeChat;
import dev.newsbot.telegram.fake.FakeUser;
import dev.newsbot.telegram.fake.Incoming;
import dev.newsbot.telegram.fake.SentMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole product end to end: the real answer engine over the bundled seed article, the real TelegramBots
 * client and poller, and the Bot API fake on 127.0.0.1.
 */
@Timeout(180)
class TelegramSeedIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path home;

    private static Newsbot newsbot;
    private static FakeBotApi fake;
    private static TelegramBot bot;

    @BeforeAll
    static void start() throws Exception {
        newsbot = new Newsbot(NewsbotConfig.defaults(), Clock.systemUTC(), home);
        newsbot.loadSets();
        fake = new FakeBotApi();
        TelegramSettings settings = TelegramTestSettings.read(TelegramTestSettings.against(fake.baseUrl()),
                new TelegramTestSettings.Timings(Duration.ofSeconds(5), Duration.ofSeconds(1),
                        TelegramSettings.Retry.DEFAULT, Duration.ofSeconds(2)));
        bot = newsbot.telegram(settings);
        bot.start();
    }

    @AfterAll
    static void stop() {
        bot.close();
        fake.close();
        newsbot.close();
    }

    private static String ask(FakeChat chat, FakeUser user, String text) {
        Incoming in = fake.say(chat, user, text);
        SentMessage reply = fake.awaitReplyTo(in, WAIT);
        assertThat(reply.isHtml()).isTrue();
        return reply.visibleText();
    }

    @Test
    void should_answer_private_questions_about_the_seed_article_with_citations() {
        FakeUser amina = fake.user("Amina");
        FakeChat dm = fake.privateChat(amina);

        assertThat(ask(dm, amina, "How many people were killed in the Westgate mall attack?")).contains("59")
                .contains("[1]").contains("Westgate");
        assertThat(ask(dm, amina, "How many people were injured?")).contains("175").contains("[1]");
        assertThat(ask(dm, amina, "Which group carried out the attack?")).contains("Al Shabaab").contains("[1]");
        assertThat(ask(dm, amina, "Who won the 2018 FIFA World Cup final?"))
                .contains("None of the articles mention “FIFA World Cup”").doesNotContain("[1]");
    }

    @Test
    void should_answer_a_group_mention_and_a_follow_up_reply_and_ignore_chatter() throws Exception {
        FakeUser joe = fake.user("Joe");
        FakeChat group = fake.group("Newsroom");

        Incoming chatter = fake.say(group, joe, "Anyone seen the news about Westgate today?");
        Incoming mention = fake.say(group, joe, "@" + FakeBotApi.BOT_USERNAME + " how many people were killed in the"
                + " Westgate mall attack?");
        SentMessage answer = fake.awaitReplyTo(mention, WAIT);
        Incoming followUp = fake.reply(group, joe, answer.messageId(), "and how many were injured?");

        assertThat(answer.visibleText()).contains("59");
        assertThat(fake.awaitReplyTo(followUp, WAIT).visibleText()).contains("175");
        Thread.sleep(500);
        assertThat(fake.repliesTo(chatter)).isEmpty();
    }

    @Test
    void should_answer_50_chats_of_10_questions_exactly_once() {
        String[] questions = {"How many people were killed in the Westgate mall attack?", "How many were injured?",
                "Which group carried out the attack?", "Who is the Kenyan president?", "Where is the Westgate mall?",
                "How many hostages were held?", "Which country's forces joined the rescue?",
                "How many gunmen remained inside the mall?", "When did the gunmen march in?",
                "What did the Red Cross appeal for?"};
        List<Incoming> sent = new ArrayList<>();
        long start = System.nanoTime();
        for (int q = 0; q < questions.length; q++) {
            for (int c = 0; c < 50; c++) {
                FakeUser user = fake.user("Load" + c);
                sent.add(fake.say(fake.privateChat(user), user, questions[q] + " (" + c + ")"));
            }
        }
        List<Long> roundTrips = new ArrayList<>();
        for (Incoming in : sent) {
            SentMessage reply = fake.awaitReplyTo(in, Duration.ofSeconds(120));
            assertThat(fake.repliesTo(in)).hasSize(1);
            roundTrips.add(reply.sentNanos() - in.queuedNanos());
        }
        roundTrips.sort(Long::compare);
        System.out.printf("telegram load over the real engine: answered %d / sent %d in %d ms; round trip p50 %d ms,"
                        + " p99 %d ms%n", roundTrips.size(), sent.size(), (System.nanoTime() - start) / 1_000_000,
                roundTrips.get(roundTrips.size() / 2) / 1_000_000,
                roundTrips.get((int) Math.ceil(roundTrips.size() * 0.99) - 1) / 1_000_000);
        assertThat(roundTrips).hasSize(500);
    }
}
