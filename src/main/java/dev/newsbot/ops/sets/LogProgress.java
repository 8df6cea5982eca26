package dev.newsbot.ops.sets;

import dev.newsbot.index.SetIndexer;
import org.slf4j.Logger;

/**
 * Logs the stages of a set's index build: the articles read at once, and splitting and embedding at most every
 * ten seconds while they run, so a large set is never silent for long.
 */
final class LogProgress implements SetIndexer.Progress {

    private static final long INTERVAL_NANOS = 10_000_000_000L;

    private final String set;
    private final Logger log;
    private long start = System.nanoTime();
    private long lastLogged = start;

    LogProgress(String set, Logger log) {
        this.set = set;
        this.log = log;
    }

    @Override
    public void read(int articles, long chars) {
        log.info("Set \"{}\": read {} articles, {} characters of text", set, articles, chars);
        start = System.nanoTime();
        lastLogged = start;
    }

    @Override
    public void split(int done, int total, int passages) {
        long now = System.nanoTime();
        if (now - lastLogged >= INTERVAL_NANOS || (done >= total && now - start >= INTERVAL_NANOS)) {
            lastLogged = now;
            log.info("Set \"{}\": split {} of {} articles into {} passages ({} s)", set, done, total, passages,
                    (now - start) / 1_000_000_000);
        }
        if (done >= total) {
            start = now;
            lastLogged = now;
        }
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
