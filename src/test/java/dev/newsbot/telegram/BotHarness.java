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
import java.util.function.UnaryOperator;
import org.slf4j.LoggerFactory;

/** A {@link FakeBotApi} and a real {@link TelegramBot} pointed at it, with fast timeouts; closes both. */
final class BotHarness implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final TelegramSettings.RateLimit GENEROUS = new TelegramSettings.RateLimit(10_000, Duration.ofMinutes(1));

    final FakeBotApi fake;
    final ScriptedChatService chat = new ScriptedChatService();
    final TestClock clock = new TestClock(Instant.parse("2024-05-01T12:00:00Z"));
    TelegramMetrics metrics = TelegramMetrics.none();
    TelegramOperators operators;
    /** Where the bot keeps its inbox journal; null keeps it in memory. */
    Path inboxDir;
    TelegramBot bot;

    static {
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.INFO);
    }

    BotHarness() throws IOException {
        fake = new FakeBotApi();
    }

    static TelegramTexts texts() {
        return TelegramTexts.load(Path.of("prompts"));
    }

    /** Fast settings against the fake: 2 s call timeout, 1 s long poll, short back-off, generous limits. */
    TelegramSettings settings() {
        return TelegramSettings.defaults(FakeBotApi.TOKEN).withApiUrl(fake.baseUrl())
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(1))
                .withRetry(new TelegramSettings.Retry(5, Duration.ofMillis(50), Duration.ofMillis(400),
                        Duration.ofSeconds(5)))
                .withShutdownGrace(Duration.ofSeconds(2)).withLimits(GENEROUS, GENEROUS);
    }

    BotHarness start() {
        return start(UnaryOperator.identity());
    }

    BotHarness start(UnaryOperator<TelegramSettings> tweak) {
        bot = newBot(tweak.apply(settings()));
        bot.start();
        return this;
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
