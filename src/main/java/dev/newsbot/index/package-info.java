/**
 * Indexing: splitting articles into passages that fit the embedding model's window
 * ({@link dev.newsbot.index.PassageSplitter}), and writing, opening and reusing one Lucene index per set version
 * ({@link dev.newsbot.index.SetIndexer}, {@link dev.newsbot.index.IndexDirectory}): text for BM25, int8 HNSW
 * vectors re-scored exactly, stored passages, the article's content hash, and the model and splitter settings in
 * the commit's user data, so a stale, corrupt or foreign index is rebuilt, never served. The set being served
 * is read through {@link dev.newsbot.index.PassageStore}, whose dense (kNN) and keyword (BM25) queries return
 * plain rows and scores ({@link dev.newsbot.index.Scored}); {@link dev.newsbot.index.SetRegistry} holds the
 * served versions. An external engine takes part through two seams:
 * {@link dev.newsbot.index.PriorIndex#of(java.util.Map)} (the passages and vectors of its served version, read
 * back, for a rebuild to reuse) and {@link dev.newsbot.index.PassageSink} (each passage as the build writes it).
 *
 * <p>The only package that uses Lucene. It depends on {@code index.embedding} (the model), {@code articles} and
 * nothing of {@code search}; LangChain4j only for sentence splitting.
 */
package dev.newsbot.index;
