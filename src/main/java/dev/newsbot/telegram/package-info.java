/**
 * The Telegram front end: receives updates by long polling or webhook, decides which messages are addressed to the
 * bot, rate-limits, asks {@link dev.newsbot.chat.ChatService} and renders each reply as Telegram HTML with a numbered,
 * linked source list. Owns the Bot API client (TelegramBots is used only here), its timeouts, retries and token
 * redaction. The entry point is {@link dev.newsbot.telegram.TelegramBot}.
 */
package dev.newsbot.telegram;
