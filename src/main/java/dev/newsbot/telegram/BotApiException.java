package dev.newsbot.telegram;

import java.util.Locale;

/**
 * A Bot API call failed for good (after any retries). The message and cause are already redacted.
 */
final class BotApiException extends RuntimeException {

    private final String method;
    private final int errorCode;
    private final String description;

    /** {@code errorCode} is 0 when no Bot API error came back (timeout, network, unreadable answer). */
    BotApiException(String method, int errorCode, String description, Throwable redactedCause) {
        super(method + " failed: " + (errorCode > 0 ? "[" + errorCode + "] " : "") + description, redactedCause);
        this.method = method;
        this.errorCode = errorCode;
        this.description = description;
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
