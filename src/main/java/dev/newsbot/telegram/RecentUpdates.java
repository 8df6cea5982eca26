package dev.newsbot.telegram;

import java.util.LinkedHashSet;
import java.util.Iterator;

/** The last update ids seen, so a redelivered update is recognised and handled only once. Thread-safe. */
final class RecentUpdates {

    private final int capacity;
    private final LinkedHashSet<Integer> seen = new LinkedHashSet<>();

    RecentUpdates(int capacity) {
        this.capacity = capacity;
    }

    /** True the first time {@code updateId} is offered (within the last {@code capacity} ids). */
    synchronized boolean firstTime(int updateId) {
        if (!seen.add(updateId)) {
            return false;
        }
        if (seen.size() > capacity) {
            Iterator<Integer> oldest = seen.iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }
}
