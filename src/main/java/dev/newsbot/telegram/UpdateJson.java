package dev.newsbot.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.telegram.telegrambots.meta.api.objects.Update;

/** Between the library's {@link Update} and the {@link QueuedUpdate} an {@link UpdateQueue} keeps. */
final class UpdateJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private UpdateJson() {
    }

    static QueuedUpdate queued(Update u) {
        try {
            return new QueuedUpdate(u.getUpdateId(), lane(u), JSON.writeValueAsString(u), null);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("update " + u.getUpdateId() + " cannot be written as JSON", e);
        }
    }

    /** The update again; {@link IllegalArgumentException} naming it when its JSON no longer parses. */
    static Update update(QueuedUpdate q) {
        try {
            return JSON.readValue(q.json(), Update.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("update " + q.updateId() + " does not parse: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** The chat whose order the update keeps: its message's chat, else the user it comes from, else 0. */
    static long lane(Update u) {
        if (u.getMessage() != null) {
            return u.getMessage().getChatId();
        }
        if (u.getEditedMessage() != null) {
            return u.getEditedMessage().getChatId();
        }
        if (u.getCallbackQuery() != null) {
            var q = u.getCallbackQuery();
            return q.getMessage() != null && q.getMessage().getChatId() != null ? q.getMessage().getChatId()
                    : q.getFrom().getId();
        }
        if (u.getMyChatMember() != null) {
            return u.getMyChatMember().getChat().getId();
        }
        return u.getInlineQuery() != null ? u.getInlineQuery().getFrom().getId() : 0;
    }
}
