package dev.newsbot.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.newsbot.index.embedding.Embedder;
import java.util.List;
import java.util.Objects;

/**
 * Remembers the vectors of recent questions, so a repeated or reworded-then-repeated question skips the model.
 * Passages ({@link #embedAll}) are not cached: each is embedded once per index build anyway.
 */
public final class CachingEmbedder implements Embedder {

    private final Embedder delegate;
    private final Cache<String, float[]> cache;

    public CachingEmbedder(Embedder delegate, String spec) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.cache = Caffeine.from(CacheSpecs.parse(spec, "cache.embeddings")).recordStats().build();
    }

    @Override
    public float[] embed(String text) {
        return cache.get(text, delegate::embed).clone();
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        return delegate.embedAll(texts);
    }

    @Override
    public int dimension() {
        return delegate.dimension();
    }

    @Override
    public String modelName() {
        return delegate.modelName();
    }

    /** Hits and misses so far. */
    public CacheCounts counts() {
        CacheStats stats = cache.stats();
        return new CacheCounts(stats.hitCount(), stats.missCount());
    }

    public CacheStats stats() {
        return cache.stats();
    }
}
