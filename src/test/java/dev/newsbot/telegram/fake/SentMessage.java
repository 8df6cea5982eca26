package dev.newsbot.telegram.fake;

import java.util.List;

/**
 * A message the bot sent and the fake accepted.
 *
 * @param messageId   the id the fake assigned
 * @param chatId      the chat it went to
 * @param rawText     the {@code text} parameter as sent
 * @param parseMode   the {@code parse_mode} parameter, or null
 * @param visibleText the text after entity parsing (what a user sees)
 * @param links       the URLs of its text links, in order
 * @param entityTypes the types of its entities, in order
 * @param replyTo     the message it replies to, or null
 * @param sentNanos   {@link System#nanoTime()} when the fake accepted it
 */
public record SentMessage(int messageId, long chatId, String rawText, String parseMode, String visibleText,
                          List<String> links, List<String> entityTypes, Integer replyTo, long sentNanos) {

    public boolean isHtml() {
        return parseMode != null && parseMode.equalsIgnoreCase("HTML");
    }
}
