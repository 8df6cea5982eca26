package dev.newsbot.telegram;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.telegram.telegrambots.meta.api.objects.inlinequery.InlineQuery;

/**
 * Debounces inline queries: Telegram sends a new query for every keystroke, so a user's query is answered only
 * once it has paused for {@link #PAUSE} (a newer query from the same user replaces the waiting one), and each
 * query id at most once. The answer itself runs on the user's chat lane. Thread-safe.
 */
final class InlineAnswers {

    /** How long a user's query must stay unchanged before it is answered. */
    static final Duration PAUSE = Duration.ofMillis(400);
    /** How many answered query ids are remembered to never answer one twice. */
    private static final int REMEMBERED = 10_000;

    private final ScheduledExecutorService timer;
    private final ChatLanes lanes;
    private final Consumer<InlineQuery> answer;
    private final Map<Long, Waiting> waiting = new HashMap<>();
    private final LinkedHashSet<String> answered = new LinkedHashSet<>();

    InlineAnswers(ScheduledExecutorService timer, ChatLanes lanes, Consumer<InlineQuery> answer) {
        this.timer = timer;
        this.lanes = lanes;
        this.answer = answer;
    }

    /** Takes a query in; it is answered after the pause unless the same user sends another first. */
    synchronized void offer(InlineQuery q) {
        long user = q.getFrom().getId();
        Waiting before = waiting.remove(user);
        if (before != null) {
            before.future.cancel(false);
        }
        try {
            ScheduledFuture<?> f = timer.schedule(() -> fire(user, q), PAUSE.toMillis(), TimeUnit.MILLISECONDS);
            waiting.put(user, new Waiting(q.getId(), f));
        } catch (RejectedExecutionException e) {
            // shutting down: inline queries are not worth keeping
        }
    }

    private void fire(long user, InlineQuery q) {
        synchronized (this) {
            Waiting w = waiting.get(user);
            if (w == null || !w.queryId.equals(q.getId()) || !answered.add(q.getId())) {
                return;
            }
            waiting.remove(user);
            if (answered.size() > REMEMBERED) {
                answered.remove(answered.iterator().next());
            }
        }
        lanes.submit(user, () -> answer.accept(q));
    }

    private record Waiting(String queryId, ScheduledFuture<?> future) {
    }
}
