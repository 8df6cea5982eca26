/**
 * OpenSearch as the passage search engine for archive scale ({@code search.engine: opensearch}): one index per set
 * version (BM25 with the English analyzer, a Lucene HNSW {@code knn_vector} with cosine, the publication day for
 * filters), written in bulk while the version is built ({@link dev.newsbot.opensearch.BulkDraft}) and published by
 * an atomic alias swap, older versions deleted after it; the served version's passages and vectors read back for the
 * next build to reuse those of unchanged articles; dense search through LangChain4j's {@code EmbeddingStore}
 * ({@link dev.newsbot.opensearch.OpenSearchEmbeddingStore}) and BM25 through the same client. The only package that
 * uses opensearch-java. It returns hits by passage row: fusion, the per-article cap and the priors stay the
 * in-process code.
 */
package dev.newsbot.opensearch;
