package dev.newsbot.ops;

import dev.newsbot.answer.Answer;
import dev.newsbot.answer.AnswerEngine;
import dev.newsbot.answer.ForwardingAnswerEngine;
import dev.newsbot.answer.Question;
import dev.newsbot.chat.ChatRequest;
import dev.newsbot.chat.ChatService;
import dev.newsbot.chat.Reply;
import dev.newsbot.chat.SetSummary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The last answer given in each chat, for {@code /why}, in a map bounded to the most recently active chats.
 *
 * <p>It is fed by two decorators that must be used together: {@link #recording(AnswerEngine)} around the engine
 * the chat service asks, and {@link #recording(ChatService)} around that chat service. The chat service answers
 * on the caller's thread ({@code DefaultChatService} does), so the engine decorator hands the {@link Answer} to
 * the chat decorator through a thread-local slot that lives only for the duration of one {@code ask}.
 * Thread-safe.
 */
public final class LastAnswers {

    private final ThreadLocal<Answer[]> slot = new ThreadLocal<>();
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

    /** Remembers {@code answer} as the chat's last. */
    public void record(String chatId, Answer answer) {
        synchronized (byChat) {
            byChat.put(Objects.requireNonNull(chatId, "chatId"), Objects.requireNonNull(answer, "answer"));
        }
    }

    /** The engine decorator: passes each answer to the chat decorator asking on this thread, if any. */
    public AnswerEngine recording(AnswerEngine engine) {
        Objects.requireNonNull(engine, "engine");
        return new ForwardingAnswerEngine(engine) {
            @Override
            public Answer answer(Question question) {
                Answer answer = engine.answer(question);
                Answer[] waiting = slot.get();
                if (waiting != null) {
                    waiting[0] = answer;
                }
                return answer;
            }
        };
    }

    /** The chat decorator: records the answer each {@code ask} was given under the request's chat id. */
    public ChatService recording(ChatService chat) {
        Objects.requireNonNull(chat, "chat");
        return new ChatService() {
            @Override
            public Reply ask(ChatRequest request) {
                Answer[] waiting = new Answer[1];
                Answer[] outer = slot.get();
                slot.set(waiting);
                try {
                    Reply reply = chat.ask(request);
                    if (waiting[0] != null) {
                        record(request.chatId(), waiting[0]);
                    }
                    return reply;
                } finally {
                    if (outer == null) {
                        slot.remove();
                    } else {
                        slot.set(outer);
                    }
                }
            }

            @Override
            public List<SetSummary> sets() {
                return chat.sets();
            }
        };
    }
}
