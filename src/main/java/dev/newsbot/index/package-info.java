/**
 * Retrieval: splitting articles into passages that fit the embedding model's window, the in-process embedding
 * model (LangChain4j, {@code all-MiniLM-L6-v2-q}), the passage store behind {@link
 * dev.newsbot.index.PassageStore} (one Lucene index per set version, on disk or in memory: BM25, int8 HNSW
 * vectors re-scored exactly, stored passages), hybrid search with news priors, and incremental indexing. The only
 * package that uses LangChain4j (besides the optional LLM answerer) and Lucene.
 */
package dev.newsbot.index;
