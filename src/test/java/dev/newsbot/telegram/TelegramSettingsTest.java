package dev.newsbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsbot.config.ConfigLoader;
import dev.newsbot.config.Secrets;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TelegramSettingsTest {

    private static final String TOKEN = "123456789:AAH-secret_part_0123456789";

    @Test
    void should_default_to_polling_the_public_api() {
        TelegramSettings s = TelegramSettings.defaults(TOKEN);

        assertThat(s.apiUrl()).isEqualTo(URI.create("https://api.telegram.org"));
        assertThat(s.mode()).isEqualTo(TelegramSettings.Mode.POLLING);
        assertThat(s.pollReadTimeout()).isGreaterThanOrEqualTo(Duration.ofSeconds(100));
    }

    @Test
    void should_never_show_the_token_or_secret() {
        Map<String, String> env = Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "TELEGRAM_WEBHOOK_SECRET", "hook-secret",
                "NEWSBOT_TELEGRAM_WEBHOOK_ENABLED", "true", "NEWSBOT_TELEGRAM_WEBHOOK_PUBLIC_URL", "https://bot.example/hook");
        TelegramSettings s = TelegramSettings.from(new ConfigLoader(env).load(null).telegram(), Secrets.from(env));
        assertThat(s.webhook().secret()).isEqualTo("hook-secret");

        assertThat(s.toString()).doesNotContain(TOKEN).doesNotContain("secret_part").doesNotContain("hook-secret");
        assertThatThrownBy(() -> TelegramSettings.defaults("123:short")).hasMessageNotContaining("short")
                .hasMessageContaining("TelegramSettings.token");
    }

    @Test
    void should_name_the_bad_field() {
        TelegramSettings s = TelegramSettings.defaults(TOKEN);

        assertThatThrownBy(() -> new TelegramSettings(TOKEN, s.apiUrl(), s.mode(), null, s.chatLimit(),
                s.userLimit(), 0, s.callTimeout(), s.pollTimeout(), s.retry(), s.shutdownGrace()))
                .hasMessage("TelegramSettings.workers must be at least 1, was 0");
        assertThatThrownBy(() -> new TelegramSettings(TOKEN, URI.create("https://api.telegram.org/bot"), s.mode(),
                null, s.chatLimit(), s.userLimit(), 1, s.callTimeout(), s.pollTimeout(), s.retry(),
                s.shutdownGrace())).hasMessageContaining("TelegramSettings.apiUrl must not have a path");
        assertThatThrownBy(() -> new TelegramSettings(TOKEN, s.apiUrl(), s.mode(), null, s.chatLimit(),
                s.userLimit(), 1, Duration.ZERO, Duration.ofSeconds(1), s.retry(), s.shutdownGrace()))
                .hasMessageContaining("TelegramSettings.callTimeout must be positive");
        assertThatThrownBy(() -> new TelegramSettings.RateLimit(0, Duration.ofMinutes(1)))
                .hasMessageContaining("RateLimit.capacity");
        assertThatThrownBy(() -> new TelegramSettings.Webhook("127.0.0.1", 8443, URI.create("http://bot.example/hook"), "s"))
                .hasMessageContaining("Webhook.publicUrl must be an https URL");
        assertThatThrownBy(() -> new TelegramSettings.Webhook("127.0.0.1", 8443, URI.create("https://bot.example/hook"), "bad secret!"))
                .hasMessageContaining("Webhook.secret");
        assertThatThrownBy(() -> new TelegramSettings(TOKEN, s.apiUrl(),
                TelegramSettings.Mode.WEBHOOK, null, s.chatLimit(), s.userLimit(), 1, s.callTimeout(),
                s.pollTimeout(), s.retry(), s.shutdownGrace()))
                .hasMessage("TelegramSettings.webhook must be set in webhook mode");
    }
}
