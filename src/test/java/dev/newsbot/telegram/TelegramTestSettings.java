package dev.newsbot.telegram;

import dev.newsbot.config.ConfigLoader;
import dev.newsbot.config.Secrets;
import dev.newsbot.telegram.fake.FakeBotApi;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Telegram settings for tests, built the way {@code run} builds them: variables read by {@link ConfigLoader} (the
 * {@code telegram.*} keys) and {@link Secrets} (the token and the webhook secret), then
 * {@link TelegramSettings#from}. Only what the configuration does not hold, the {@link Timings}, is then replaced, so
 * that tests against the fake Bot API run fast.
 */
public final class TelegramTestSettings {

    /** Per chat and per user: 10 000 questions a minute, more than any test asks. */
    public static final String GENEROUS = "10000";

    private TelegramTestSettings() {
    }

    /**
     * What production fixes and the configuration does not hold.
     *
     * @param callTimeout   the longest a Bot API call may take
     * @param pollTimeout   the long-polling timeout
     * @param retry         the retry and back-off policy
     * @param shutdownGrace how long closing lets in-flight answers finish
     */
    public record Timings(Duration callTimeout, Duration pollTimeout, TelegramSettings.Retry retry,
                          Duration shutdownGrace) {
    }

    /**
     * The variables of a bot with the fake's token against {@code apiUrl} with {@link #GENEROUS} rate limits; a
     * mutable copy, for tests to add their own.
     */
    public static Map<String, String> against(URI apiUrl) {
        Map<String, String> env = new HashMap<>();
        env.put("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN);
        env.put("TELEGRAM_API_URL", apiUrl.toString());
        env.put("NEWSBOT_TELEGRAM_RATE_LIMITS_PER_CHAT_CAPACITY", GENEROUS);
        env.put("NEWSBOT_TELEGRAM_RATE_LIMITS_PER_USER_CAPACITY", GENEROUS);
        return env;
    }

    /** The settings {@code env} gives when read as {@code run} reads the environment, with these timings. */
    public static TelegramSettings read(Map<String, String> env, Timings timings) {
        TelegramSettings s = TelegramSettings.from(new ConfigLoader(env).load(null).telegram(), Secrets.from(env));
        return new TelegramSettings(s.token(), s.apiUrl(), s.mode(), s.webhook(), s.chatLimit(), s.userLimit(),
                s.workers(), timings.callTimeout(), timings.pollTimeout(), timings.retry(), timings.shutdownGrace());
    }
}
