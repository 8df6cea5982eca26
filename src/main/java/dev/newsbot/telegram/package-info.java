/**
 * The Telegram front end: receives updates by long polling or webhook, decides which messages are addressed to the
 * bot, rate-limits, asks {@link dev.newsbot.chat.ChatService} and renders each reply as Telegram HTML with a numbered,
 * linked source list; answers the operator commands ({@code /use}, {@code /reload}, {@code /status}, {@code /why})
 * through {@link dev.newsbot.telegram.TelegramOperators}, which the composition root fills from {@code ops}. Owns the Bot API client (TelegramBots is used only here), its timeouts, retries and token
 * redaction. The entry point is {@link dev.newsbot.telegram.TelegramBot}.
 */
package dev.newsbot.telegram;
