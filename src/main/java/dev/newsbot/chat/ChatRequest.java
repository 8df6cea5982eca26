package dev.newsbot.chat;

import java.time.Instant;
import java.util.Objects;

/**
 * One question put to the bot, from any front end (console or Telegram).
 *
 * @param chatId     the conversation it came from; answers in one chat keep their order
 * @param userId     who asked, for rate limits and admin checks; may be null on the console
 * @param text       the question, with any bot mention or command already stripped
 * @param sentAt     when it was sent; its day is the question date for date-aware retrieval
 * @param followUpOf the earlier question that this message follows up (a reply to the bot), or null
 */
public record ChatRequest(String chatId, String userId, String text, Instant sentAt, String followUpOf) {

    public ChatRequest {
        Objects.requireNonNull(chatId, "ChatRequest.chatId must not be null");
        Objects.requireNonNull(text, "ChatRequest.text must not be null");
        Objects.requireNonNull(sentAt, "ChatRequest.sentAt must not be null");
        if (text.isBlank()) {
            throw new IllegalArgumentException("ChatRequest.text must not be blank");
        }
    }
}
