package dev.newsbot.telegram;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Names the bot's threads and makes them daemons, so a forgotten thread can never keep the JVM alive. */
final class DaemonThreads implements ThreadFactory {

    private static final Logger LOG = LoggerFactory.getLogger(DaemonThreads.class);

    private final String prefix;
    private final Redactor redactor;
    private final AtomicInteger count = new AtomicInteger();

    DaemonThreads(String prefix, Redactor redactor) {
        this.prefix = prefix;
        this.redactor = redactor;
    }

    @Override
    public Thread newThread(Runnable r) {
        Thread t = new Thread(r, prefix + "-" + count.incrementAndGet());
        t.setDaemon(true);
        t.setUncaughtExceptionHandler((thread, e) ->
                LOG.error("Uncaught exception in {}", thread.getName(), redactor.redact(e)));
        return t;
    }
}
