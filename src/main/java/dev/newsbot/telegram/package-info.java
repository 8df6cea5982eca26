/**
 * The Telegram front end: receives updates by long polling or webhook, decides which messages are addressed to the bot,
 * rate-limits, asks {@link dev.newsbot.chat.ChatService} and renders each reply as Telegram HTML with a numbered,
 * linked source list; answers the operator commands ({@code /use}, {@code /reload}, {@code /status}, {@code /why})
 * through {@link dev.newsbot.telegram.TelegramOperators}, which the composition root fills from {@code ops}. Owns the
 * Bot API client (TelegramBots is used only here), its timeouts, retries and token redaction. Keeps the durable inbox
 * ({@code NEWSBOT_HOME/telegram/inbox.journal}): an update is journaled before it is confirmed to Telegram and marked
 * answered after its answer was sent, so a crash loses nothing and a redelivery is not answered twice. Beyond messages
 * it handles edited questions (answered again by editing the reply), the 👍/👎 buttons under every answer
 * ({@link dev.newsbot.telegram.FeedbackButtons}, votes in the append-only {@code feedback.jsonl} with salted hashed
 * ids, exported by {@link dev.newsbot.telegram.FeedbackExport}), inline queries (debounced,
 * {@link dev.newsbot.telegram.InlineAnswers}), deep links, the bot joining or leaving groups, menus per scope and
 * language, and texts in the user's language ({@code prompts/telegram/<code>/}). While the Bot API is unavailable it
 * retries without end, one log line per retry, and reports the reason to {@link dev.newsbot.ops.sets.Readiness}. The entry
 * point is {@link dev.newsbot.telegram.TelegramBot}.
 *
 * <p>What outlives one update sits behind the seams of {@link dev.newsbot.telegram.TelegramStores}: the queue of
 * received updates ({@link dev.newsbot.telegram.UpdateQueue}, the journal here), the rate-limit buckets
 * ({@link dev.newsbot.telegram.RateLimits}) and the votes ({@link dev.newsbot.telegram.FeedbackStore}); a fleet of
 * replicas shares them in Redis through the {@code fleet} package.
 */
package dev.newsbot.telegram;
