package dev.newsbot.console;

import dev.newsbot.index.SetIndexer;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Shows the stages of an index build: one line when the set has been read ({@code read 12,345 articles, ...}),
 * then splitting ({@code split 5000/12345 articles into 61,234 passages}) and embedding with rate and ETA. On a
 * terminal each running stage is one bar redrawn in place
 * ({@code [#########-----------]  45%  1234/2700 passages  312/s  ETA 0:05}), elsewhere plain lines at most
 * every two seconds and at the end of the stage. Not thread-safe: one index build reports to one instance.
 */
public final class ProgressBar implements SetIndexer.Progress {

    private static final int WIDTH = 30;
    private static final long PLAIN_INTERVAL_NANOS = 2_000_000_000L;

    private final PrintWriter out;
    private final boolean terminal;
    private final LongSupplier nanoTime;
    private long start;
    private long lastLine = Long.MIN_VALUE;

    /**
     * @param terminal true to redraw one line in place (use {@code System.console() != null})
     * @param nanoTime the time source, injectable for tests
     */
    public ProgressBar(PrintWriter out, boolean terminal, LongSupplier nanoTime) {
        this.out = Objects.requireNonNull(out, "out");
        this.terminal = terminal;
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.start = nanoTime.getAsLong();
    }

    @Override
    public void read(int articles, long chars) {
        out.println(String.format(Locale.ROOT, "read %,d articles, %,d characters of text", articles, chars));
        out.flush();
        nextStage();
    }

    @Override
    public void split(int done, int total, int passages) {
        long now = nanoTime.getAsLong();
        if (terminal) {
            out.print(String.format(Locale.ROOT, "\r%s %3d%%  %d/%d articles split into %,d passages",
                    bar(done, total), percent(done, total), done, total, passages));
            if (done >= total) {
                out.println();
            }
            out.flush();
        } else if (done >= total || lastLine == Long.MIN_VALUE || now - lastLine >= PLAIN_INTERVAL_NANOS) {
            lastLine = now;
            out.println(String.format(Locale.ROOT, "split %d/%d articles into %,d passages (%d%%)", done, total,
                    passages, percent(done, total)));
        }
        if (done >= total) {
            nextStage();
        }
    }

    /** The next stage's rate and ETA count from now, and its first plain line is printed at once. */
    private void nextStage() {
        start = nanoTime.getAsLong();
        lastLine = Long.MIN_VALUE;
    }

    @Override
    public void embedded(int done, int total) {
        long now = nanoTime.getAsLong();
        double seconds = Math.max(1e-9, (now - start) / 1e9);
        double rate = done / seconds;
        String eta = rate > 0 ? clock((total - done) / rate) : "?";
        if (terminal) {
            out.print(String.format(Locale.ROOT, "\r%s %3d%%  %d/%d passages  %.0f/s  ETA %s", bar(done, total),
                    percent(done, total), done, total, rate, eta));
            if (done >= total) {
                out.println();
            }
            out.flush();
        } else if (done >= total || lastLine == Long.MIN_VALUE || now - lastLine >= PLAIN_INTERVAL_NANOS) {
            lastLine = now;
            out.println(String.format(Locale.ROOT, "embedded %d/%d passages (%d%%), %.0f passages/s, ETA %s", done,
                    total, percent(done, total), rate, eta));
        }
    }

    private static int percent(int done, int total) {
        return total == 0 ? 100 : (int) (100L * done / total);
    }

    private static String bar(int done, int total) {
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
        return "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "]";
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
