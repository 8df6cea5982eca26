package dev.newsbot.telegram;

import dev.newsbot.ops.sets.Readiness;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says whether the bot can talk to the Bot API: each failed attempt is logged in one line ("getMe failing (502),
 * retrying in 8 s (attempt 3)", never a stack trace) and reported to {@code /readyz} as the part {@value #PART},
 * which turns ready again on the next success. Thread-safe.
 */
final class TelegramHealth {

    static final String PART = "telegram";
    private static final Logger LOG = LoggerFactory.getLogger(TelegramHealth.class);

    private final Readiness readiness;
    private volatile boolean failing;

    /** @param readiness where to report; null to only log */
    TelegramHealth(Readiness readiness) {
        this.readiness = readiness;
    }

    /** Not ready yet for a reason that is not a failure (e.g. "connecting to the Bot API"). */
    void waiting(String reason) {
        if (readiness != null) {
            readiness.notReady(PART, reason);
        }
    }

    /** One attempt failed; the next comes after {@code delayMillis}. */
    void failing(BotApiException e, long delayMillis, int attempt) {
        failing = true;
        String reason = e.method() + " failing (" + e.reason() + "), retrying in " + seconds(delayMillis);
        LOG.warn("Telegram: {} (attempt {})", reason, attempt);
        waiting(reason);
    }

    /** The Bot API answers: ready. */
    void ok() {
        if (failing) {
            failing = false;
            LOG.info("Telegram: the Bot API answers again");
        }
        if (readiness != null) {
            readiness.ready(PART);
        }
    }

    /** "250 ms", "1.6 s", "8 s". */
    static String seconds(long millis) {
        if (millis < 1000) {
            return millis + " ms";
        }
        return millis < 10_000 ? String.format(Locale.ROOT, "%.1f s", millis / 1000.0) : (millis + 500) / 1000 + " s";
    }
}
