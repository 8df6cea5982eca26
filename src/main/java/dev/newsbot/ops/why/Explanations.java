package dev.newsbot.ops.why;

import dev.newsbot.chat.AnswerListener;
import java.util.Optional;

/**
 * The explanation of the last answer given in each chat, the text of {@code /why} ({@link Why#render}). The chat
 * service tells it of each answer. {@link LastAnswers} keeps the answers in this process; a fleet of replicas keeps
 * the explanations in Redis (the {@code fleet} package), so {@code /why} on any replica explains the answer another
 * one gave. Implementations are thread-safe.
 */
public interface Explanations extends AnswerListener {

    /** The explanation of the chat's last answer, if one is kept. */
    Optional<String> explain(String chatId);
}
