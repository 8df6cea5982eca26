package dev.newsbot.app;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the composition root started and must stop: thread pools, servers, clients. Each is registered once, by
 * its one owner, as it is created; {@link #close()} stops them in reverse order of creation (what was built on a
 * part stops before it), and a failure to stop one is logged and does not keep the others running.
 */
final class Resources implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Resources.class);

    private record Owned(String name, AutoCloseable resource) {
    }

    private final Deque<Owned> owned = new ArrayDeque<>();
    private boolean closed;

    /** Registers {@code resource}, to be closed as {@code name}; returns it. */
    synchronized <T extends AutoCloseable> T own(String name, T resource) {
        Objects.requireNonNull(name, "Resources.name must not be null");
        Objects.requireNonNull(resource, "Resources.resource must not be null");
        if (closed) {
            throw new IllegalStateException("Resources are closed; cannot own " + name);
        }
        owned.push(new Owned(name, resource));
        return resource;
    }

    /** Registers a thread pool, stopped with {@link ExecutorService#shutdownNow()}; returns it. */
    <T extends ExecutorService> T pool(String name, T pool) {
        own(name, pool::shutdownNow);
        return pool;
    }

    /** The names of what is owned, in the order {@link #close()} stops them. */
    synchronized List<String> closingOrder() {
        return owned.stream().map(Owned::name).toList();
    }

    @Override
    public synchronized void close() {
        closed = true;
        while (!owned.isEmpty()) {
            Owned next = owned.pop();
            try {
                next.resource().close();
            } catch (Exception e) {
                log.warn("Closing {} failed", next.name(), e);
            }
        }
    }
}
