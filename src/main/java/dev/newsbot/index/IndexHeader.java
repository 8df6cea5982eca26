package dev.newsbot.index;

import java.time.Instant;
import java.util.Objects;

/**
 * What a passage index says about itself, in its commit user data.
 *
 * @param settings   the model and splitter settings its vectors and passages were made with
 * @param setName    the article set's name
 * @param setVersion the article set's content version
 * @param createdAt  when the index was built
 * @param sources    the fingerprint of the source files the set was read from
 *                   ({@code ArticleLoader.fingerprint}), or null when unknown (web sources, a set given in memory,
 *                   an index made before fingerprints were kept): a start whose files have the same fingerprint
 *                   serves the index without reading them
 * @param vectorGraph whether its vectors have Lucene's search graph; a version searched in OpenSearch stores them
 *                    flat ({@link FlatVectors}), and its dense search here, if ever asked, scans them exactly
 */
public record IndexHeader(IndexSettings settings, String setName, String setVersion, Instant createdAt,
                          String sources, boolean vectorGraph) {

    public IndexHeader {
        Objects.requireNonNull(settings, "IndexHeader.settings must not be null");
        Objects.requireNonNull(setName, "IndexHeader.setName must not be null");
        Objects.requireNonNull(setVersion, "IndexHeader.setVersion must not be null");
        Objects.requireNonNull(createdAt, "IndexHeader.createdAt must not be null");
    }
}
