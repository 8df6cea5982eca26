/**
 * Search: choosing the passages an answerer gets for a question ({@link dev.newsbot.search.Retriever}).
 * {@link dev.newsbot.search.HybridRetriever} fuses the index's dense and keyword results, applies news priors
 * (recency, outlets and days the question names, read by {@link dev.newsbot.search.QueryCues}) and a per-article
 * cap, and returns {@link dev.newsbot.search.RetrievedPassage}s. {@link dev.newsbot.search.SearchBench} is the
 * narrow entry point the benchmark builds, opens and searches indexes through.
 *
 * <p>Depends on {@code index} (the passage store and the indexer), {@code question} and {@code articles}; uses no
 * third-party library. {@code answer}, {@code chat}, {@code eval}, {@code ops} and {@code bench} call it.
 */
package dev.newsbot.search;
