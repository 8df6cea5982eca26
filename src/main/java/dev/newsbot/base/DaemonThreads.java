package dev.newsbot.base;

import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Names the bot's threads ({@code prefix-1}, {@code prefix-2}, ...) and makes them daemons, so a forgotten thread can
 * never keep the JVM alive; an exception that escapes a thread is logged, or given to the handler passed in.
 */
public final class DaemonThreads implements ThreadFactory {

    private static final Logger LOG = LoggerFactory.getLogger(DaemonThreads.class);
    private static final Thread.UncaughtExceptionHandler LOGGED =
            (thread, e) -> LOG.error("Uncaught exception in {}", thread.getName(), e);

    private final String prefix;
    private final Thread.UncaughtExceptionHandler uncaught;
    private final AtomicInteger count = new AtomicInteger();

    /** Threads named {@code prefix-N}; an exception that escapes one is logged. */
    public DaemonThreads(String prefix) {
        this(prefix, LOGGED);
    }

    /** Threads named {@code prefix-N}; an exception that escapes one goes to {@code uncaught}. */
    public DaemonThreads(String prefix, Thread.UncaughtExceptionHandler uncaught) {
        this.prefix = requireName(prefix, "DaemonThreads.prefix");
        this.uncaught = Objects.requireNonNull(uncaught, "DaemonThreads.uncaught must not be null");
    }

    @Override
    public Thread newThread(Runnable task) {
        return daemon(task, prefix + "-" + count.incrementAndGet(), uncaught);
    }

    /** One daemon thread named exactly {@code name}, not started; an exception that escapes it is logged. */
    public static Thread thread(String name, Runnable task) {
        return daemon(task, requireName(name, "DaemonThreads.name"), LOGGED);
    }

    private static Thread daemon(Runnable task, String name, Thread.UncaughtExceptionHandler uncaught) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler(uncaught);
        return thread;
    }

    private static String requireName(String name, String field) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return name;
    }
}
