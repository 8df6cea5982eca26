package dev.newsbot.index;

import java.util.List;
import java.util.Objects;

/**
 * How a new index of a set differs from the earlier one it reused, by article id and content hash.
 *
 * @param added    ids of articles the earlier index did not have, in set order
 * @param removed  ids of earlier articles the new set no longer has, sorted
 * @param changed  ids of articles whose content changed, in set order
 * @param passages passages in the new index
 * @param embedded passages that had to be embedded (the rest were reused)
 * @param reused   articles whose passages and vectors were taken from the earlier index as they were
 */
public record IndexDiff(List<String> added, List<String> removed, List<String> changed, int passages,
                        int embedded, int reused) {

    public IndexDiff {
        added = List.copyOf(Objects.requireNonNull(added, "IndexDiff.added must not be null"));
        removed = List.copyOf(Objects.requireNonNull(removed, "IndexDiff.removed must not be null"));
        changed = List.copyOf(Objects.requireNonNull(changed, "IndexDiff.changed must not be null"));
        if (passages < 0 || embedded < 0 || embedded > passages) {
            throw new IllegalArgumentException("IndexDiff.embedded must be 0 to passages (" + passages + "), was "
                    + embedded);
        }
        if (reused < 0) {
            throw new IllegalArgumentException("IndexDiff.reused must not be negative, was " + reused);
        }
    }

    /** True when no article was added, removed or changed. */
    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }
}
