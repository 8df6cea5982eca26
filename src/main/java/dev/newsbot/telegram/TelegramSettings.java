package dev.newsbot.telegram;

import dev.newsbot.config.NewsbotConfig;
import dev.newsbot.config.Secrets;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How the Telegram bot connects and behaves. All fields are validated on construction; errors name the field and never
 * repeat the token. {@link #toString()} never shows the token or the webhook secret.
 *
 * @param token         the bot token from BotFather
 * @param apiUrl        the Bot API base URL, scheme + host + optional port, no path
 * @param mode          how updates arrive
 * @param webhook       the webhook endpoint; required (non-null) when {@code mode} is {@link Mode#WEBHOOK}
 * @param chatLimit     token bucket applied per chat
 * @param userLimit     token bucket applied per user
 * @param workers       size of the pool that answers questions (different chats run concurrently)
 * @param callTimeout   the longest any single Bot API call may take
 * @param pollTimeout   the long-polling timeout sent with getUpdates (whole seconds)
 * @param retry         retry and back-off policy for failed Bot API calls
 * @param shutdownGrace how long {@code close()} lets in-flight answers finish before cancelling them
 */
public record TelegramSettings(String token, URI apiUrl, Mode mode, Webhook webhook, RateLimit chatLimit,
                               RateLimit userLimit, int workers, Duration callTimeout, Duration pollTimeout,
                               Retry retry, Duration shutdownGrace) {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(50);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);

    private static final Pattern TOKEN_SHAPE = Pattern.compile("\\d+:[A-Za-z0-9_-]{10,}");

    /** How updates reach the bot. */
    public enum Mode { POLLING, WEBHOOK }

    public TelegramSettings {
        requireToken(token);
        requireApiUrl(apiUrl);
        Objects.requireNonNull(mode, "TelegramSettings.mode must not be null");
        if (mode == Mode.WEBHOOK && webhook == null) {
            throw new IllegalArgumentException("TelegramSettings.webhook must be set in webhook mode");
        }
        Objects.requireNonNull(chatLimit, "TelegramSettings.chatLimit must not be null");
        Objects.requireNonNull(userLimit, "TelegramSettings.userLimit must not be null");
        if (workers < 1) {
            throw new IllegalArgumentException("TelegramSettings.workers must be at least 1, was " + workers);
        }
        requirePositive(callTimeout, "callTimeout");
        requirePositive(pollTimeout, "pollTimeout");
        if (pollTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException("TelegramSettings.pollTimeout must be at least 1 second");
        }
        Objects.requireNonNull(retry, "TelegramSettings.retry must not be null");
        requirePositive(shutdownGrace, "shutdownGrace");
    }

    /**
     * The settings the configuration gives ({@code telegram.*}, environment overrides included), with the token and
     * the webhook secret from the environment. Errors name the variable or key.
     */
    public static TelegramSettings from(NewsbotConfig.Telegram config, Secrets secrets) {
        String token = secrets.telegramToken()
                .orElseThrow(() -> new IllegalArgumentException("TELEGRAM_BOT_TOKEN must be set"));
        NewsbotConfig.Webhook hook = config.webhook();
        Webhook webhook = !hook.enabled() ? null : new Webhook(hook.host(), hook.port(), URI.create(hook.publicUrl()),
                secrets.webhookSecret().orElseThrow(() -> new IllegalArgumentException(
                        "TELEGRAM_WEBHOOK_SECRET must be set when telegram.webhook.enabled is true")));
        return new TelegramSettings(token, URI.create(config.apiUrl()), webhook == null ? Mode.POLLING : Mode.WEBHOOK,
                webhook, limit(config.rateLimits().perChat()), limit(config.rateLimits().perUser()),
                config.workers(), CALL_TIMEOUT, POLL_TIMEOUT, Retry.DEFAULT, SHUTDOWN_GRACE);
    }

    /** The configuration's defaults with this token: polling the public Bot API. */
    public static TelegramSettings defaults(String token) {
        return from(NewsbotConfig.defaults().telegram(),
                Secrets.from(Map.of("TELEGRAM_BOT_TOKEN", Objects.requireNonNull(token, "token"))));
    }

    private static RateLimit limit(NewsbotConfig.RateLimit limit) {
        return new RateLimit(limit.capacity(), Duration.ofSeconds(limit.periodSeconds()));
    }

    /** The read timeout of the long-polling connection: never shorter than twice the poll timeout. */
    Duration pollReadTimeout() {
        Duration a = pollTimeout.multipliedBy(2);
        Duration b = pollTimeout.plus(callTimeout);
        return a.compareTo(b) >= 0 ? a : b;
    }

    @Override
    public String toString() {
        return "TelegramSettings[token=<redacted>, apiUrl=" + apiUrl + ", mode=" + mode + ", webhook=" + webhook
                + ", chatLimit=" + chatLimit + ", userLimit=" + userLimit + ", workers=" + workers
                + ", callTimeout=" + callTimeout + ", pollTimeout=" + pollTimeout + ", retry=" + retry
                + ", shutdownGrace=" + shutdownGrace + "]";
    }

    private static void requireToken(String token) {
        Objects.requireNonNull(token, "TelegramSettings.token must not be null");
        if (!TOKEN_SHAPE.matcher(token).matches()) {
            throw new IllegalArgumentException(
                    "TelegramSettings.token must look like <digits>:<letters, digits, _ or ->, as issued by BotFather");
        }
    }

    private static void requireApiUrl(URI url) {
        Objects.requireNonNull(url, "TelegramSettings.apiUrl must not be null");
        String scheme = url.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("TelegramSettings.apiUrl must be http or https, was " + url);
        }
        if (url.getHost() == null) {
            throw new IllegalArgumentException("TelegramSettings.apiUrl must have a host, was " + url);
        }
        String path = url.getPath();
        if (path != null && !path.isEmpty() && !path.equals("/") || url.getQuery() != null) {
            throw new IllegalArgumentException("TelegramSettings.apiUrl must not have a path or query, was " + url);
        }
    }

    private static void requirePositive(Duration d, String field) {
        Objects.requireNonNull(d, "TelegramSettings." + field + " must not be null");
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("TelegramSettings." + field + " must be positive, was " + d);
        }
    }

    /**
     * The HTTP endpoint that receives webhook updates. The endpoint serves the path of {@code publicUrl}; a TLS proxy
     * in front of it is expected to forward {@code publicUrl} to {@code http://host:port/path}.
     *
     * @param host      the local address to bind (default 127.0.0.1)
     * @param port      the local port to bind; 0 picks a free one
     * @param publicUrl the HTTPS URL Telegram posts to, given to {@code setWebhook}
     * @param secret    the secret token Telegram sends back in {@code X-Telegram-Bot-Api-Secret-Token}
     */
    public record Webhook(String host, int port, URI publicUrl, String secret) {

        private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");

        public Webhook {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("Webhook.host must not be blank");
            }
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("Webhook.port must be 0..65535, was " + port);
            }
            Objects.requireNonNull(publicUrl, "Webhook.publicUrl must not be null");
            if (!"https".equals(publicUrl.getScheme()) || publicUrl.getHost() == null) {
                throw new IllegalArgumentException("Webhook.publicUrl must be an https URL, was " + publicUrl);
            }
            if (secret == null || !SECRET.matcher(secret).matches()) {
                throw new IllegalArgumentException("Webhook.secret must be 1-256 characters of A-Z, a-z, 0-9, _ and -");
            }
        }

        /** The path Telegram posts to; "/" when the URL has none. */
        public String path() {
            String p = publicUrl.getPath();
            return p == null || p.isEmpty() ? "/" : p;
        }

        @Override
        public String toString() {
            return "Webhook[host=" + host + ", port=" + port + ", publicUrl=" + publicUrl + ", secret=<redacted>]";
        }
    }

    /**
     * A token bucket: at most {@code capacity} answers in a burst, refilled continuously at {@code capacity} tokens
     * per {@code period}.
     */
    public record RateLimit(int capacity, Duration period) {

        public RateLimit {
            if (capacity < 1) {
                throw new IllegalArgumentException("RateLimit.capacity must be at least 1, was " + capacity);
            }
            Objects.requireNonNull(period, "RateLimit.period must not be null");
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("RateLimit.period must be positive, was " + period);
            }
        }
    }

    /**
     * How failed Bot API calls are retried. 429 answers wait {@code retry_after} (at most {@code maxRetryAfter});
     * 5xx answers and connection failures back off exponentially from {@code initialBackoff} to {@code maxBackoff}.
     * Timeouts of calls that change something ({@code sendMessage}) are not retried (the request may have arrived).
     * Start-up ({@code getMe}, {@code setMyCommands}, {@code deleteWebhook}/{@code setWebhook}) and long polling
     * are retried without end, timeouts included, with the same back-off.
     *
     * @param maxAttempts    attempts per call after start-up, including the first
     * @param initialBackoff the first back-off delay
     * @param maxBackoff     the longest back-off delay
     * @param maxRetryAfter  the longest {@code retry_after} honoured; longer ones fail the call
     */
    public record Retry(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

        public static final Retry DEFAULT =
                new Retry(5, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(60));

        public Retry {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("Retry.maxAttempts must be at least 1, was " + maxAttempts);
            }
            requirePositive(initialBackoff, "Retry.initialBackoff");
            requirePositive(maxBackoff, "Retry.maxBackoff");
            requirePositive(maxRetryAfter, "Retry.maxRetryAfter");
            if (maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException("Retry.maxBackoff must not be shorter than Retry.initialBackoff");
            }
        }

        private static void requirePositive(Duration d, String field) {
            Objects.requireNonNull(d, field + " must not be null");
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(field + " must be positive, was " + d);
            }
        }
    }
}
