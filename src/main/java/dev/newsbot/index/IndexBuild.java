package dev.newsbot.index;

import java.util.Objects;

/**
 * The result of indexing a set: the store to serve, and how it differs from the earlier index it reused.
 *
 * @param store the new index
 * @param diff  articles added, removed and changed; passages; passages embedded
 */
public record IndexBuild(IndexedSet store, IndexDiff diff) {

    public IndexBuild {
        Objects.requireNonNull(store, "IndexBuild.store must not be null");
        Objects.requireNonNull(diff, "IndexBuild.diff must not be null");
    }
}
