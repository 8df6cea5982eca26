package dev.newsbot.telegram;

/** The bot could not start or talk to the Bot API. Messages and causes never contain the bot token. */
public final class TelegramBotException extends RuntimeException {

    TelegramBotException(String message, Throwable cause) {
        super(message, cause);
    }
}
