/**
 * The {@code bench} command's measurements: embedding and ingest throughput, dense, hybrid and answer latency,
 * cache hits, snapshot size and load time, heap per passage and recall, over a set grown to a chosen number of
 * passages ({@link dev.newsbot.bench.Benchmark}), reported as a text table and as one JSON object
 * ({@link dev.newsbot.bench.BenchReport}).
 *
 * <p>This package owns how each figure is measured. It runs the parts the composition root hands it
 * ({@link dev.newsbot.bench.BenchSubject}) and touches no third-party library except through them. Indexes are
 * built, opened and searched through one entry point, {@link dev.newsbot.search.SearchBench}; the rest of
 * {@code index} and {@code search} is reached only through their public seams (the passage store, the embedder).
 */
package dev.newsbot.bench;
