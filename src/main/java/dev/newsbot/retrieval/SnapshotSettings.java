package dev.newsbot.retrieval;

import java.util.Objects;

/**
 * The settings an index snapshot was built with; a snapshot built with other settings cannot be searched with
 * the current model and splitter.
 *
 * @param embeddingModel   name of the model that made the vectors, such as "all-MiniLM-L6-v2-q"
 * @param dimension        number of components of every vector
 * @param splitterSettings the passage splitter's settings, in a form that changes whenever its output would
 */
public record SnapshotSettings(String embeddingModel, int dimension, String splitterSettings) {

    public SnapshotSettings {
        Objects.requireNonNull(embeddingModel, "SnapshotSettings.embeddingModel must not be null");
        if (embeddingModel.isBlank()) {
            throw new IllegalArgumentException("SnapshotSettings.embeddingModel must not be blank");
        }
        if (dimension <= 0) {
            throw new IllegalArgumentException("SnapshotSettings.dimension must be positive, was " + dimension);
        }
        Objects.requireNonNull(splitterSettings, "SnapshotSettings.splitterSettings must not be null");
    }
}
