package dev.newsbot.telegram;

import java.util.List;
import java.util.function.Consumer;

/**
 * Where received updates wait until they are answered. {@link #append} keeps them before the receiver confirms
 * them to Telegram (the next {@code getUpdates} offset or the webhook's 200); {@link #start} hands them to the bot,
 * one chat's updates in the order they were appended; {@link #handled} forgets one once its answer was sent, so an
 * update cut short by a crash is handed over again (here after a restart, or to another replica). An update appended
 * twice (Telegram redelivered it) is handed over once.
 *
 * <p>{@link #journal} keeps them in this process's journal file; the {@code fleet} package keeps them in a Redis
 * stream that every replica consumes. Implementations are thread-safe.
 */
public interface UpdateQueue extends AutoCloseable {

    /**
     * Keeps {@code updates}; returns once they are safe, so the receiver may confirm them.
     *
     * @throws java.io.UncheckedIOException when they could not be kept (the receiver must not confirm them)
     */
    void append(List<QueuedUpdate> updates);

    /** Starts handing updates to {@code consumer}: those left unhandled before, then every new one. */
    void start(Consumer<QueuedUpdate> consumer);

    /**
     * Called on the update's chat lane just before it is handled: false when it must not be (it was handled
     * already, by this process or another), true otherwise. May wait while another replica still handles it.
     */
    boolean begin(QueuedUpdate update);

    /** The update's answer was sent (or it needed none): it is never handed over again. */
    void handled(QueuedUpdate update);

    /** Whether this process may poll Telegram now; with replicas only the holder of the polling lease may. */
    default boolean mayPoll() {
        return true;
    }

    @Override
    void close();

    /**
     * The durable inbox journal in {@code dir} ({@code inbox.journal}); in memory only when {@code dir} is null.
     *
     * @throws java.io.UncheckedIOException naming the file when it cannot be opened
     */
    static UpdateQueue journal(java.nio.file.Path dir) {
        return new JournalQueue(dir == null ? Inbox.inMemory() : Inbox.open(dir));
    }
}
