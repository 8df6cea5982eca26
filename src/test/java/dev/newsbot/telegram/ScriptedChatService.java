package dev.newsbot.telegram;

import dev.newsbot.chat.ChatRequest;
import dev.newsbot.chat.ChatService;
import dev.newsbot.chat.Reply;
import dev.newsbot.chat.ReplySource;
import dev.newsbot.chat.SetSummary;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A {@link ChatService} for tests: records every request and answers like the real engine would (plain text with
 * {@code [n]} markers and a numbered source list). Questions containing "explode" throw.
 */
final class ScriptedChatService implements ChatService {

    static final String ANSWER = "Officials raised the official death toll to 59 [1]. The siege lasted four days [2].";
    static final String URL_1 = "https://www.bbc.co.uk/news/world-africa-24191558?src=rss&amp=1";

    final List<ChatRequest> requests = new CopyOnWriteArrayList<>();
    volatile Function<ChatRequest, Reply> script = ScriptedChatService::standard;
    volatile List<SetSummary> sets = List.of(
            new SetSummary("westgate", "v3", 42, 980, LocalDate.of(2013, 9, 26)),
            new SetSummary("elections-2024", "v1", 118, 2400, null));

    @Override
    public Reply ask(ChatRequest request) {
        requests.add(request);
        return script.apply(request);
    }

    @Override
    public List<SetSummary> sets() {
        return sets;
    }

    static Reply standard(ChatRequest r) {
        if (r.text().contains("explode")) {
            throw new IllegalStateException("simulated failure in the answer engine");
        }
        return new Reply(r.text(), ANSWER, List.of(
                new ReplySource(1, "Kenya mall attack: death toll rises to 59", "BBC News", "2013-09-22T10:00:00Z",
                        URL_1),
                new ReplySource(2, "Westgate siege: what we know", "The Guardian", "2013-09-24", null)),
                false, "westgate", false);
    }

    static Reply echo(ChatRequest r) {
        return new Reply(r.text(), "You asked: " + r.text() + " [1].", List.of(
                new ReplySource(1, "Echo <source> & co", "Echo Times", "2024-01-02", "https://example.org/a?b=1&c=2")),
                false, "westgate", false);
    }
}
