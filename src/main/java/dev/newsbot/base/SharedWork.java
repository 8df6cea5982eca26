package dev.newsbot.base;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Runs numbered tasks on the calling thread and up to {@code workers - 1} executor threads, which take the next
 * task number until none is left. The caller always takes tasks too, so a busy, saturated or shut-down executor
 * only makes the work slower, never stuck.
 */
public final class SharedWork {

    private SharedWork() {
    }

    /**
     * Runs {@code body} for every task number in {@code [0, tasks)} and returns when all have run. The first
     * failure of any task is thrown once every task has finished.
     */
    public static void run(Executor executor, int workers, int tasks, IntConsumer body) {
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(tasks);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable worker = () -> {
            for (int task = next.getAndIncrement(); task < tasks; task = next.getAndIncrement()) {
                try {
                    body.accept(task);
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    done.countDown();
                }
            }
        };
        for (int i = 1; i < Math.min(workers, tasks) && executor != null; i++) {
            try {
                executor.execute(worker);
            } catch (RejectedExecutionException e) {
                break;
            }
        }
        worker.run();
        awaitUninterruptibly(done);
        rethrow(failure.get());
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void rethrow(Throwable failure) {
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException("parallel work failed", failure);
        }
    }
}
