package dev.newsbot.telegram.fake;

/**
 * A message a user sent, as queued for the bot.
 *
 * @param updateId    the update carrying it
 * @param messageId   its id in the chat
 * @param chat        where it was sent
 * @param text        its text
 * @param queuedNanos {@link System#nanoTime()} when it was queued
 */
public record Incoming(int updateId, int messageId, FakeChat chat, String text, long queuedNanos) {
}
