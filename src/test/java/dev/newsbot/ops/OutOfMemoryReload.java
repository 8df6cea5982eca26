package dev.newsbot.ops;

import java.nio.file.Path;
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
        byte[] half = new byte[(int) (Runtime.getRuntime().maxMemory() / 2)];
        System.out.println("heap free again " + (half.length > 0));
    }
}
