package dev.newsbot.telegram;

import java.util.Objects;

/**
 * One Telegram update on its way through an {@link UpdateQueue}.
 *
 * @param updateId Telegram's update id
 * @param lane     the chat whose order it keeps (the user for updates without a chat, such as inline queries)
 * @param json     the update as Telegram sent it (one line of JSON)
 * @param ref      where the queue keeps it (e.g. a stream entry), set when handed over; null before
 */
public record QueuedUpdate(int updateId, long lane, String json, String ref) {

    public QueuedUpdate {
        Objects.requireNonNull(json, "QueuedUpdate.json must not be null");
        if (json.isBlank()) {
            throw new IllegalArgumentException("QueuedUpdate.json must not be blank");
        }
    }

    /** The same update, kept at {@code where}. */
    public QueuedUpdate at(String where) {
        return new QueuedUpdate(updateId, lane, json, where);
    }
}
