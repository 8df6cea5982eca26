package dev.newsbot.telegram;

import java.util.List;
import java.util.function.Consumer;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * The {@link UpdateQueue} of a single process: the durable {@link Inbox} journal. Appended updates are handed over
 * at once on the appending thread; {@link #start} first hands over those journaled before the last stop.
 */
final class JournalQueue implements UpdateQueue {

    private final Inbox inbox;
    private volatile Consumer<QueuedUpdate> consumer = u -> { };

    JournalQueue(Inbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public void append(List<QueuedUpdate> updates) {
        List<Update> fresh = inbox.receive(updates.stream().map(UpdateJson::update).toList());
        fresh.forEach(u -> consumer.accept(UpdateJson.queued(u)));
    }

    @Override
    public void start(Consumer<QueuedUpdate> consumer) {
        this.consumer = consumer;
        inbox.pending().forEach(u -> consumer.accept(UpdateJson.queued(u)));
    }

    /** The journal let only new updates through in {@link #append}. */
    @Override
    public boolean begin(QueuedUpdate update) {
        return true;
    }

    @Override
    public void handled(QueuedUpdate update) {
        inbox.handled(UpdateJson.update(update));
    }

    @Override
    public void close() {
        inbox.close();
    }
}
