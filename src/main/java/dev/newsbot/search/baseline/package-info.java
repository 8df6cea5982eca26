/**
 * The baseline every gain of the hybrid search is measured against: LangChain4j's
 * {@code EmbeddingStoreContentRetriever} over an {@code InMemoryEmbeddingStore}
 * ({@link dev.newsbot.search.baseline.LangChainBaselineRetriever}, for {@code eval}) and that store's raw vector
 * search ({@link dev.newsbot.search.baseline.InMemoryVectorBaseline}, for {@code bench}).
 *
 * <p>Depends on {@code search} and {@code index}; nothing in {@code search} depends on it.
 */
package dev.newsbot.search.baseline;
