/**
 * Embedding: the {@link dev.newsbot.index.embedding.Embedder} role and LangChain4j's in-process ONNX models behind
 * it ({@code all-MiniLM-L6-v2-q}, {@code bge-small-en-v1.5-q}, chosen by name in
 * {@link dev.newsbot.index.embedding.EmbeddingModels}), with the model's word-piece token count
 * ({@link dev.newsbot.index.embedding.TokenCounter}) that the splitter sizes passages by.
 *
 * <p>The only package that uses LangChain4j's embedding models. It depends on no other package of the bot.
 */
package dev.newsbot.index.embedding;
