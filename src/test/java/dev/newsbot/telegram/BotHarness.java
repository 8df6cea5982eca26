package dev.newsbot.telegram;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.newsbot.TestClock;
import dev.newsbot.telegram.fake.FakeBotApi;
import dev.newsbot.telegram.fake.FakeChat;
import dev.newsbot.telegram.fake.FakeUser;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.slf4j.LoggerFactory;

/** A {@link FakeBotApi} and a real {@link TelegramBot} pointed at it, with fast timeouts; closes both. */
final class BotHarness implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(10);
    /** Fast back-off: 50 ms doubling to 400 ms, five attempts. */
    static final TelegramSettings.Retry FAST_RETRY =
            new TelegramSettings.Retry(5, Duration.ofMillis(50), Duration.ofMillis(400), Duration.ofSeconds(5));

    final FakeBotApi fake;
    final ScriptedChatService chat = new ScriptedChatService();
    final TestClock clock = new TestClock(Instant.parse("2024-05-01T12:00:00Z"));
    TelegramMetrics metrics = TelegramMetrics.none();
    TelegramOperators operators;
    /** Where the bot keeps its inbox journal; null keeps it in memory. */
    Path inboxDir;
    TelegramBot bot;
    /** The variables the bot's settings are read from: the fake's token and URL, generous limits, a test's own. */
    final Map<String, String> env;
    /** How long closing the bot lets in-flight answers finish. */
    Duration shutdownGrace = Duration.ofSeconds(2);

    static {
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.INFO);
    }

    BotHarness() throws IOException {
        fake = new FakeBotApi();
        env = TelegramTestSettings.against(fake.baseUrl());
    }

    static TelegramTexts texts() {
        return TelegramTexts.load(Path.of("prompts"));
    }

    /** Fast settings against the fake, read from {@link #env}: 2 s call timeout, 1 s long poll, short back-off. */
    TelegramSettings settings() {
        return TelegramTestSettings.read(env, new TelegramTestSettings.Timings(Duration.ofSeconds(2),
                Duration.ofSeconds(1), FAST_RETRY, shutdownGrace));
    }

    BotHarness start() {
        bot = newBot(settings());
        bot.start();
        return this;
    }

    /** Starts the bot with these variables over the harness's own, such as {@code NEWSBOT_TELEGRAM_WORKERS}. */
    BotHarness start(Map<String, String> variables) {
        env.putAll(variables);
        return start();
    }

    /** A bot (not started) over this harness's fake, chat, clock, metrics, operators and inbox folder. */
    TelegramBot newBot(TelegramSettings settings) {
        return new TelegramBot(settings, chat, texts(), clock, metrics, operators, inboxDir, null);
    }

    FakeUser user(String name) {
        return fake.user(name);
    }

    FakeChat dm(FakeUser u) {
        return fake.privateChat(u);
    }

    @Override
    public void close() {
        if (bot != null) {
            bot.close();
        }
        fake.close();
    }
}
