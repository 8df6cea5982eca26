package dev.newsbot.chat;

import java.util.List;

/**
 * The bot's conversation logic, independent of how messages arrive. Front ends (console, Telegram) turn their
 * messages into {@link ChatRequest}s and render the {@link Reply}. Implementations are thread-safe.
 */
public interface ChatService {

    /** Answers one question from the article set that the request's chat uses. Never returns null. */
    Reply ask(ChatRequest request);

    /** The article sets loaded, in name order. */
    List<SetSummary> sets();
}
