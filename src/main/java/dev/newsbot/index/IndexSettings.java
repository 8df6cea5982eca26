package dev.newsbot.index;

import java.util.Objects;

/**
 * The settings a passage index was built with; an index built with other settings cannot be searched with
 * the current model and splitter.
 *
 * @param embeddingModel   name of the model that made the vectors, such as "all-MiniLM-L6-v2-q"
 * @param dimension        number of components of every vector
 * @param splitterSettings the passage splitter's settings, in a form that changes whenever its output would
 */
public record IndexSettings(String embeddingModel, int dimension, String splitterSettings) {

    public IndexSettings {
        Objects.requireNonNull(embeddingModel, "IndexSettings.embeddingModel must not be null");
        if (embeddingModel.isBlank()) {
            throw new IllegalArgumentException("IndexSettings.embeddingModel must not be blank");
        }
        if (dimension <= 0) {
            throw new IllegalArgumentException("IndexSettings.dimension must be positive, was " + dimension);
        }
        Objects.requireNonNull(splitterSettings, "IndexSettings.splitterSettings must not be null");
    }
}
