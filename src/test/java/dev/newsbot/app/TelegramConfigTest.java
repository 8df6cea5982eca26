package dev.newsbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsbot.config.ConfigLoader;
import dev.newsbot.config.NewsbotConfig;
import dev.newsbot.telegram.TelegramSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The configuration's telegram section reaches the Telegram front end's settings. */
class TelegramConfigTest {

    private static final String TOKEN = "123456:abcdefghijklmnop";

    private static NewsbotConfig config(Map<String, String> env) {
        return new ConfigLoader(env).load(null);
    }

    @Test
    void should_take_the_rate_limits_from_the_configuration() {
        NewsbotConfig config = config(Map.of("NEWSBOT_TELEGRAM_RATE_LIMITS_PER_CHAT_CAPACITY", "5",
                "NEWSBOT_TELEGRAM_RATE_LIMITS_PER_USER_PERIOD_SECONDS", "30"));

        TelegramSettings settings = RunCommand.telegramSettings(config, Map.of("TELEGRAM_BOT_TOKEN", TOKEN));

        assertThat(settings.chatLimit()).isEqualTo(new TelegramSettings.RateLimit(5, Duration.ofSeconds(60)));
        assertThat(settings.userLimit()).isEqualTo(new TelegramSettings.RateLimit(8, Duration.ofSeconds(30)));
        assertThat(settings.mode()).isEqualTo(TelegramSettings.Mode.POLLING);
    }

    @Test
    void should_take_the_webhook_from_the_configuration_and_its_secret_from_the_environment() {
        NewsbotConfig config = config(Map.of("NEWSBOT_TELEGRAM_WEBHOOK_ENABLED", "true",
                "NEWSBOT_TELEGRAM_WEBHOOK_PUBLIC_URL", "https://bot.example.com/hook",
                "NEWSBOT_TELEGRAM_WEBHOOK_PORT", "9443"));

        TelegramSettings settings = RunCommand.telegramSettings(config,
                Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "TELEGRAM_WEBHOOK_SECRET", "s3cret"));

        assertThat(settings.mode()).isEqualTo(TelegramSettings.Mode.WEBHOOK);
        assertThat(settings.webhook()).isEqualTo(new TelegramSettings.Webhook("127.0.0.1", 9443,
                URI.create("https://bot.example.com/hook"), "s3cret"));
    }

    @Test
    void should_require_the_webhook_secret_when_the_webhook_is_enabled() {
        NewsbotConfig config = config(Map.of("NEWSBOT_TELEGRAM_WEBHOOK_ENABLED", "true",
                "NEWSBOT_TELEGRAM_WEBHOOK_PUBLIC_URL", "https://bot.example.com/hook"));

        assertThatThrownBy(() -> RunCommand.telegramSettings(config, Map.of("TELEGRAM_BOT_TOKEN", TOKEN)))
                .hasMessageContaining("TELEGRAM_WEBHOOK_SECRET");
    }
}
