package dev.newsbot.chat;

import dev.newsbot.answer.Answer;

/** Told of every answer a chat was given, on the thread that asked; for operator tools such as {@code /why}. */
@FunctionalInterface
public interface AnswerListener {

    /** A listener that does nothing. */
    AnswerListener NONE = (chatId, answer) -> { };

    /** {@code answer} was just given in chat {@code chatId}. */
    void answered(String chatId, Answer answer);
}
