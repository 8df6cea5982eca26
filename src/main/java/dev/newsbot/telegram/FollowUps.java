package dev.newsbot.telegram;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers which question each of the bot's messages answered, so a reply to that message can be passed on as a
 * follow-up. Bounded per chat and in the number of chats (least recently used go first). Thread-safe.
 */
final class FollowUps {

    private final int perChat;
    private final Map<Long, Map<Integer, String>> chats;

    FollowUps(int perChat, int maxChats) {
        this.perChat = perChat;
        this.chats = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Map<Integer, String>> eldest) {
                return size() > maxChats;
            }
        };
    }

    synchronized void remember(long chatId, int botMessageId, String question) {
        chats.computeIfAbsent(chatId, id -> new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, String> eldest) {
                return size() > perChat;
            }
        }).put(botMessageId, question);
    }

    /** The question the bot's message answered, or null when unknown (forgotten, or not an answer). */
    synchronized String questionAnsweredBy(long chatId, int botMessageId) {
        Map<Integer, String> chat = chats.get(chatId);
        return chat == null ? null : chat.get(botMessageId);
    }
}
