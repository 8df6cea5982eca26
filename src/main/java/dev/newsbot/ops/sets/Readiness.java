package dev.newsbot.ops.sets;


import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Why parts of the bot other than the article sets are not ready, by part: e.g. {@code telegram} →
 * {@code "getMe failing (502), retrying in 8 s"}. {@code /readyz} reports them after the sets still loading
 * ({@link SetManager#loading()}). Thread-safe.
 */
public final class Readiness {

    private final Map<String, String> reasons = new ConcurrentSkipListMap<>();

    /** Marks {@code part} not ready for {@code reason} (one line), replacing any earlier reason. */
    public void notReady(String part, String reason) {
        Objects.requireNonNull(part, "part");
        reasons.put(part, Objects.requireNonNull(reason, "reason").replaceAll("\\s+", " ").strip());
    }

    /** Marks {@code part} ready. */
    public void ready(String part) {
        reasons.remove(Objects.requireNonNull(part, "part"));
    }

    /** Each part that is not ready as {@code "part: reason"}, sorted by part; empty when all are ready. */
    public List<String> reasons() {
        return reasons.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList();
    }
}
