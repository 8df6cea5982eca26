package dev.newsbot.retrieval;

import java.time.Instant;
import java.util.Objects;

/**
 * What an index snapshot says about itself.
 *
 * @param settings   the model and splitter settings its vectors and passages were made with
 * @param setName    the article set's name
 * @param setVersion the article set's content version
 * @param createdAt  when the snapshot was built
 */
public record SnapshotHeader(SnapshotSettings settings, String setName, String setVersion, Instant createdAt) {

    public SnapshotHeader {
        Objects.requireNonNull(settings, "SnapshotHeader.settings must not be null");
        Objects.requireNonNull(setName, "SnapshotHeader.setName must not be null");
        Objects.requireNonNull(setVersion, "SnapshotHeader.setVersion must not be null");
        Objects.requireNonNull(createdAt, "SnapshotHeader.createdAt must not be null");
    }
}
