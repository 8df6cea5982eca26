package dev.newsbot.telegram;

import java.util.Locale;

/**
 * A Bot API call failed for good (after any retries). The message and cause are already redacted.
 */
final class BotApiException extends RuntimeException {

    private final String method;
    private final int errorCode;
    private final String description;
    private final long retryAfterMillis;

    /** {@code errorCode} is 0 when no Bot API error came back (timeout, network, unreadable answer). */
    BotApiException(String method, int errorCode, String description, Throwable redactedCause) {
        this(method, errorCode, description, redactedCause, -1);
    }

    /** @param retryAfterMillis how long Telegram asked to wait (429), or -1 */
    BotApiException(String method, int errorCode, String description, Throwable redactedCause,
                    long retryAfterMillis) {
        super(method + " failed: " + (errorCode > 0 ? "[" + errorCode + "] " : "") + description, redactedCause);
        this.method = method;
        this.errorCode = errorCode;
        this.description = description;
        this.retryAfterMillis = retryAfterMillis;
    }

    /** How long Telegram asked to wait before the next attempt (429 {@code retry_after}), or -1. */
    long retryAfterMillis() {
        return retryAfterMillis;
    }

    /**
     * True when trying again later may succeed: no answer (network, timeout), 429 or 5xx. False for the other 4xx
     * (a wrong token, a bad request).
     */
    boolean isTransient() {
        return errorCode == 0 || errorCode == 429 || errorCode >= 500;
    }

    /** A few words for logs and {@code /readyz}: the HTTP status, or what went wrong ("connection reset"). */
    String reason() {
        if (errorCode > 0) {
            return String.valueOf(errorCode);
        }
        String d = description == null ? "no answer" : description.lines().findFirst().orElse("no answer");
        int colon = d.lastIndexOf(": ");
        if (d.startsWith("java.") && colon > 0) {
            d = d.substring(colon + 2);
        }
        d = d.strip();
        return d.length() > 80 ? d.substring(0, 80) + "…" : d;
    }

    String method() {
        return method;
    }

    int errorCode() {
        return errorCode;
    }

    String description() {
        return description;
    }

    /** Telegram rejected the message's HTML ("Bad Request: can't parse entities: ..."). */
    boolean isEntityParseError() {
        return errorCode == 400 && description != null
                && description.toLowerCase(Locale.ROOT).contains("can't parse entities");
    }
}
