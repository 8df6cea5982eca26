package dev.newsbot.ops;

import dev.newsbot.retrieval.SetIndexer;
import org.slf4j.Logger;

/** Logs embedding progress of a large index build at most every ten seconds. */
final class LogProgress implements SetIndexer.Progress {

    private static final long INTERVAL_NANOS = 10_000_000_000L;

    private final String set;
    private final Logger log;
    private final long start = System.nanoTime();
    private long lastLogged = start;

    LogProgress(String set, Logger log) {
        this.set = set;
        this.log = log;
    }

    @Override
    public void embedded(int done, int total) {
        long now = System.nanoTime();
        if (now - lastLogged >= INTERVAL_NANOS && done < total) {
            lastLogged = now;
            log.info("Set \"{}\": embedded {} of {} passages ({} s)", set, done, total, (now - start) / 1_000_000_000);
        }
    }
}
