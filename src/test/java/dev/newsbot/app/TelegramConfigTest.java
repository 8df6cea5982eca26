package dev.newsbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsbot.config.ConfigLoader;
import dev.newsbot.config.Secrets;
import dev.newsbot.telegram.TelegramSettings;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The configuration's telegram section, environment overrides included, reaches the Telegram front end. */
class TelegramConfigTest {

    private static final String TOKEN = "123456:abcdefghijklmnop";

    /** The settings one environment gives, read the way {@code run} reads them. */
    private static TelegramSettings settings(Map<String, String> vars) {
        Map<String, String> env = new HashMap<>(vars);
        env.put("TELEGRAM_BOT_TOKEN", TOKEN);
        return TelegramSettings.from(new ConfigLoader(env).load(null).telegram(), Secrets.from(env));
    }

    @Test
    void should_default_to_polling_the_public_api_with_the_configured_limits() {
        TelegramSettings settings = settings(Map.of());

        assertThat(settings.apiUrl()).isEqualTo(URI.create("https://api.telegram.org"));
        assertThat(settings.mode()).isEqualTo(TelegramSettings.Mode.POLLING);
        assertThat(settings.chatLimit()).isEqualTo(new TelegramSettings.RateLimit(20, Duration.ofSeconds(60)));
        assertThat(settings.userLimit()).isEqualTo(new TelegramSettings.RateLimit(8, Duration.ofSeconds(60)));
        assertThat(settings.workers()).isEqualTo(4);
        assertThat(settings).isEqualTo(TelegramSettings.defaults(TOKEN));
    }

    @Test
    void should_take_the_rate_limits_from_the_configuration() {
        TelegramSettings settings = settings(Map.of("NEWSBOT_TELEGRAM_RATE_LIMITS_PER_CHAT_CAPACITY", "5",
                "NEWSBOT_TELEGRAM_RATE_LIMITS_PER_USER_PERIOD_SECONDS", "30"));

        assertThat(settings.chatLimit()).isEqualTo(new TelegramSettings.RateLimit(5, Duration.ofSeconds(60)));
        assertThat(settings.userLimit()).isEqualTo(new TelegramSettings.RateLimit(8, Duration.ofSeconds(30)));
    }

    @Test
    void should_read_the_api_url_by_its_short_name_and_the_workers() {
        TelegramSettings settings = settings(Map.of("TELEGRAM_API_URL", "http://127.0.0.1:8081",
                "NEWSBOT_TELEGRAM_WORKERS", "8"));

        assertThat(settings.apiUrl()).isEqualTo(URI.create("http://127.0.0.1:8081"));
        assertThat(settings.workers()).isEqualTo(8);
    }

    @Test
    void should_let_the_full_name_win_over_the_short_one() {
        TelegramSettings settings = settings(Map.of("TELEGRAM_API_URL", "http://127.0.0.1:8081",
                "NEWSBOT_TELEGRAM_API_URL", "http://127.0.0.1:9091"));

        assertThat(settings.apiUrl()).isEqualTo(URI.create("http://127.0.0.1:9091"));
    }

    @Test
    void should_name_the_variable_of_a_bad_value() {
        assertThatThrownBy(() -> settings(Map.of("TELEGRAM_API_URL", "http://127.0.0.1:8081/bot")))
                .hasMessageContaining("TELEGRAM_API_URL").hasMessageContaining("telegram.apiUrl");
        assertThatThrownBy(() -> settings(Map.of("NEWSBOT_TELEGRAM_WORKERS", "0")))
                .hasMessageContaining("telegram.workers must be 1 to 256, was 0");
    }

    @Test
    void should_require_the_token() {
        assertThatThrownBy(() -> TelegramSettings.from(new ConfigLoader(Map.of()).load(null).telegram(),
                Secrets.from(Map.of()))).hasMessage("TELEGRAM_BOT_TOKEN must be set");
    }

    @Test
    void should_take_the_webhook_from_the_configuration_and_its_secret_from_the_environment() {
        TelegramSettings settings = settings(Map.of("NEWSBOT_TELEGRAM_WEBHOOK_ENABLED", "true",
                "NEWSBOT_TELEGRAM_WEBHOOK_PUBLIC_URL", "https://bot.example.com/hook",
                "NEWSBOT_TELEGRAM_WEBHOOK_PORT", "9443", "TELEGRAM_WEBHOOK_SECRET", "s3cret"));

        assertThat(settings.mode()).isEqualTo(TelegramSettings.Mode.WEBHOOK);
        assertThat(settings.webhook()).isEqualTo(new TelegramSettings.Webhook("127.0.0.1", 9443,
                URI.create("https://bot.example.com/hook"), "s3cret"));
        assertThat(settings.webhook().path()).isEqualTo("/hook");
    }

    @Test
    void should_require_the_webhook_secret_when_the_webhook_is_enabled() {
        assertThatThrownBy(() -> settings(Map.of("NEWSBOT_TELEGRAM_WEBHOOK_ENABLED", "true",
                "NEWSBOT_TELEGRAM_WEBHOOK_PUBLIC_URL", "https://bot.example.com/hook")))
                .hasMessageContaining("TELEGRAM_WEBHOOK_SECRET");
    }
}
