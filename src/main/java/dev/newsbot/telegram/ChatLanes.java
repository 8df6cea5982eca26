package dev.newsbot.telegram;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs tasks on a bounded pool so that different chats proceed concurrently while tasks of one chat run one after
 * another, in submission order. Tasks must not throw (a throwing task does not stop its lane, but its error is lost).
 */
final class ChatLanes {

    private final ExecutorService pool;
    private final ConcurrentHashMap<Long, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    ChatLanes(int workers, ThreadFactory threads) {
        pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                threads);
    }

    /** Queues {@code task} behind the chat's earlier tasks; false when closed. */
    boolean submit(long chatId, Runnable task) {
        if (closed.get()) {
            return false;
        }
        CompletableFuture<?>[] added = new CompletableFuture<?>[1];
        tails.compute(chatId, (id, tail) -> {
            CompletableFuture<Void> before = tail == null ? CompletableFuture.completedFuture(null) : tail;
            CompletableFuture<Void> next = before.handleAsync((r, e) -> {
                task.run();
                return null;
            }, pool);
            added[0] = next;
            return next;
        });
        CompletableFuture<?> next = added[0];
        next.whenComplete((r, e) -> tails.remove(chatId, next));
        return true;
    }

    /** True once {@link #close} was called. */
    boolean isClosed() {
        return closed.get();
    }

    /** Chats with queued or running tasks. */
    int activeChats() {
        return tails.size();
    }

    /** Lets running and queued tasks finish for up to {@code grace}, then interrupts them. */
    void close(Duration grace) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        pool.shutdown();
        try {
            if (!pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                pool.shutdownNow();
                pool.awaitTermination(1, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
