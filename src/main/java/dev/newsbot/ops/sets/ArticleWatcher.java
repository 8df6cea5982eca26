package dev.newsbot.ops.sets;

import dev.newsbot.base.DaemonThreads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads a set when its files change (off by default: {@code watch.enabled}). Watches every directory of every
 * set, recursively (new subdirectories too), and the folder of every set file, for that file only. Hidden names
 * (the index folder {@code .newsbot-index} and temporary files among them) are ignored. Changes are debounced per
 * set: the reload runs once the set's files have been quiet for {@code debounce}, however many events came
 * before. Reloads run on the injected scheduler and are serialised per set by the {@link SetManager} anyway.
 */
public final class ArticleWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ArticleWatcher.class);

    /** One set's interest in one directory: the whole directory, or one file in it. */
    private record Interest(String set, Path file) {
    }

    private final WatchService watcher;
    private final Consumer<String> reload;
    private final ScheduledExecutorService scheduler;
    private final Duration debounce;
    private final Map<WatchKey, Path> directories = new HashMap<>();
    private final Map<Path, List<Interest>> interests = new HashMap<>();
    private final Map<String, ScheduledFuture<?>> pending = new HashMap<>();
    private final Map<String, Long> generations = new HashMap<>();
    private final Thread thread;

    /**
     * Registers the watches; call {@link #start()} to begin.
     *
     * @param reload    called with a set's name once its files have been quiet for {@code debounce}
     * @param scheduler runs the debounced reloads
     */
    public ArticleWatcher(Collection<SetSource> sources, Consumer<String> reload, ScheduledExecutorService scheduler,
                          Duration debounce) {
        this.reload = Objects.requireNonNull(reload, "reload");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.debounce = Objects.requireNonNull(debounce, "debounce");
        try {
            this.watcher = FileSystems.getDefault().newWatchService();
            for (SetSource source : sources) {
                for (Path path : source.paths()) {
                    watch(source.name(), path.toAbsolutePath().normalize());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch the article folders: " + e.getMessage(), e);
        }
        this.thread = DaemonThreads.thread("newsbot-watcher", this::loop);
    }

    public void start() {
        thread.start();
        log.info("Watching {} folders for article changes (debounce {} ms)", interests.size(), debounce.toMillis());
    }

    private void watch(String set, Path path) throws IOException {
        if (Files.isDirectory(path)) {
            registerTree(set, path);
        } else if (path.getParent() != null && Files.isDirectory(path.getParent())) {
            register(path.getParent(), new Interest(set, path));
        } else {
            log.warn("Set \"{}\": cannot watch {}, its folder does not exist", set, path);
        }
    }

    private void registerTree(String set, Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                if (!dir.equals(root) && hidden(dir)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                register(dir, new Interest(set, null));
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private synchronized void register(Path dir, Interest interest) throws IOException {
        if (!interests.containsKey(dir)) {
            WatchKey key = dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY);
            directories.put(key, dir);
        }
        List<Interest> list = interests.computeIfAbsent(dir, d -> new ArrayList<>());
        if (!list.contains(interest)) {
            list.add(interest);
        }
    }

    private void loop() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                handle(key);
                if (!key.reset()) {
                    forget(key);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void handle(WatchKey key) {
        Path dir = directories.get(key);
        if (dir == null) {
            key.pollEvents();
            return;
        }
        Set<String> changed = new LinkedHashSet<>();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                interests.getOrDefault(dir, List.of()).forEach(i -> changed.add(i.set()));
                continue;
            }
            Path child = dir.resolve((Path) event.context());
            for (Interest interest : List.copyOf(interests.getOrDefault(dir, List.of()))) {
                if (concerns(interest, child)) {
                    changed.add(interest.set());
                    followNewDirectory(interest, event, child);
                }
            }
        }
        changed.forEach(this::schedule);
    }

    private static boolean concerns(Interest interest, Path child) {
        return interest.file() == null ? !hidden(child) : interest.file().equals(child);
    }

    private void followNewDirectory(Interest interest, WatchEvent<?> event, Path child) {
        if (interest.file() == null && event.kind() == StandardWatchEventKinds.ENTRY_CREATE
                && Files.isDirectory(child)) {
            try {
                registerTree(interest.set(), child);
            } catch (IOException e) {
                log.warn("Set \"{}\": cannot watch new folder {}: {}", interest.set(), child, e.getMessage(), e);
            }
        }
    }

    private synchronized void schedule(String set) {
        ScheduledFuture<?> earlier = pending.get(set);
        if (earlier != null) {
            earlier.cancel(false);
        }
        long generation = generations.merge(set, 1L, Long::sum);
        pending.put(set, scheduler.schedule(() -> fire(set, generation), debounce.toMillis(),
                TimeUnit.MILLISECONDS));
    }

    private void fire(String set, long generation) {
        synchronized (this) {
            if (generations.get(set) == generation) {
                pending.remove(set);
            }
        }
        log.info("Files of set \"{}\" changed; reloading", set);
        try {
            reload.accept(set);
        } catch (RuntimeException e) {
            log.error("Reload of set \"{}\" after a file change failed", set, e);
        }
    }

    private synchronized void forget(WatchKey key) {
        Path dir = directories.remove(key);
        if (dir != null) {
            interests.remove(dir);
        }
    }

    private static boolean hidden(Path path) {
        return path.getFileName() != null && path.getFileName().toString().startsWith(".");
    }

    @Override
    public void close() {
        try {
            watcher.close();
        } catch (IOException e) {
            log.debug("Closing the watch service failed", e);
        }
        thread.interrupt();
        synchronized (this) {
            pending.values().forEach(f -> f.cancel(false));
            pending.clear();
        }
    }
}
