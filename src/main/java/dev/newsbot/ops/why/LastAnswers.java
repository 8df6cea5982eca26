package dev.newsbot.ops.why;

import dev.newsbot.answer.Answer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link Explanations} of one process: the last answer given in each chat, for {@code /why}, in a map bounded to
 * the most recently active chats. The chat service tells it of each answer ({@link dev.newsbot.chat.AnswerListener}).
 * Thread-safe.
 */
public final class LastAnswers implements Explanations {

    private final Map<String, Answer> byChat;

    /** @param maxChats how many chats' answers are kept; the least recently active are dropped */
    public LastAnswers(int maxChats) {
        if (maxChats < 1) {
            throw new IllegalArgumentException("LastAnswers.maxChats must be at least 1, was " + maxChats);
        }
        this.byChat = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Answer> eldest) {
                return size() > maxChats;
            }
        };
    }

    /** The last answer given in the chat, if any is kept. */
    public Optional<Answer> last(String chatId) {
        synchronized (byChat) {
            return Optional.ofNullable(byChat.get(chatId));
        }
    }

    /** The explanation of the chat's last answer ({@link Why#render}), if one is kept. */
    @Override
    public Optional<String> explain(String chatId) {
        return last(chatId).map(Why::render);
    }

    /** Remembers {@code answer} as the chat's last. */
    @Override
    public void answered(String chatId, Answer answer) {
        synchronized (byChat) {
            byChat.put(Objects.requireNonNull(chatId, "chatId"), Objects.requireNonNull(answer, "answer"));
        }
    }
}
