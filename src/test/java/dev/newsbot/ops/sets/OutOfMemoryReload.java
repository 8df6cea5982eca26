package dev.newsbot.ops.sets;

import dev.newsbot.ops.metrics.BotMetrics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Run in a child JVM with a small heap by {@link SetManagerTest}: serves a small set from {@code args[0]}, waits
 * for the test to add more articles than the heap holds (a line on standard input), reloads, and prints what the
 * reload reported, whether the old version still serves, the failed-reload count, and whether the heap is free
 * again.
 */
public final class OutOfMemoryReload {

    private OutOfMemoryReload() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        TestBot bot = new TestBot();
        SetManager manager = bot.manager(new SetSource("news", List.of(folder), null));
        BotMetrics metrics = new BotMetrics();
        metrics.sets(manager, bot.registry);
        String served = manager.reload("news").version();
        System.out.println("served " + served);
        System.in.read();

        ReloadReport report = manager.reload("news");

        System.out.println("ok " + report.ok());
        System.out.println("errors " + report.errors());
        System.out.println("still serving " + bot.registry.get("news").articleSet().version().equals(served));
        System.out.println("failed reloads " + metrics.registry()
                .counter("newsbot.reloads", "set", "news", "result", "failed").count());
        System.out.println("heap free again " + halfTheHeapFits());
    }

    /**
     * Whether half the heap can be taken again, in 256 KB pieces: one array of half the heap needs that many
     * contiguous G1 regions, which a heap just freed of a failed reload may not have even when the space is free.
     */
    private static boolean halfTheHeapFits() {
        System.gc();
        List<byte[]> pieces = new ArrayList<>();
        long wanted = Runtime.getRuntime().maxMemory() / 2;
        try {
            for (long taken = 0; taken < wanted; taken += 1 << 18) {
                pieces.add(new byte[1 << 18]);
            }
            return !pieces.isEmpty();
        } catch (OutOfMemoryError e) {
            pieces.clear();
            return false;
        }
    }
}
