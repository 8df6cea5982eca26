package dev.newsbot.chat;

import dev.newsbot.answer.Answer;
import dev.newsbot.answer.AnswerEngine;
import dev.newsbot.answer.Citation;
import dev.newsbot.answer.Question;
import dev.newsbot.index.PassageStore;
import dev.newsbot.index.SetRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Answers chat questions through the {@link AnswerEngine}: the question date is the day the message was sent
 * (in the clock's zone), and a reply to the bot carries the earlier question along as follow-up context.
 */
public final class DefaultChatService implements ChatService {

    private final AnswerEngine engine;
    private final SetRegistry sets;
    private final Function<String, String> setOfChat;
    private final Clock clock;
    private final AnswerListener listener;

    /** @param setOfChat the article set a chat uses, by chat id */
    public DefaultChatService(AnswerEngine engine, SetRegistry sets, Function<String, String> setOfChat, Clock clock) {
        this(engine, sets, setOfChat, clock, AnswerListener.NONE);
    }

    /** @param listener told of every answer given, with its chat */
    public DefaultChatService(AnswerEngine engine, SetRegistry sets, Function<String, String> setOfChat, Clock clock,
                              AnswerListener listener) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.sets = Objects.requireNonNull(sets, "sets");
        this.setOfChat = Objects.requireNonNull(setOfChat, "setOfChat");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public Reply ask(ChatRequest request) {
        LocalDate day = LocalDate.ofInstant(request.sentAt(), clock.getZone());
        Question question = new Question(request.text(), day, setOfChat.apply(request.chatId()), request.followUpOf());
        Answer answer = engine.answer(question);
        listener.answered(request.chatId(), answer);
        return toReply(answer);
    }

    @Override
    public List<SetSummary> sets() {
        return sets.all().stream().map(DefaultChatService::summary).toList();
    }

    /** The front-end view of an answer. */
    public static Reply toReply(Answer answer) {
        List<ReplySource> sources = answer.citations().stream().map(DefaultChatService::source).toList();
        return new Reply(answer.question().text(), answer.text(), sources, answer.refused(), answer.set().name(),
                answer.cached());
    }

    private static ReplySource source(Citation c) {
        String published = c.article().published() == null ? null : c.article().published().toString();
        return new ReplySource(c.n(), c.article().title(), c.article().source(), published, c.article().url());
    }

    private static SetSummary summary(PassageStore store) {
        return new SetSummary(store.articleSet().name(), store.articleSet().version(),
                store.articleSet().articles().size(), store.size(), store.articleSet().newest().orElse(null));
    }
}
