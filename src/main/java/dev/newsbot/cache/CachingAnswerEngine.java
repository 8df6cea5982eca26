package dev.newsbot.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.newsbot.answer.Answer;
import dev.newsbot.answer.AnswerEngine;
import dev.newsbot.answer.ForwardingAnswerEngine;
import dev.newsbot.answer.Question;
import java.util.function.LongSupplier;

/**
 * Serves repeated questions from a Caffeine cache, configured by one spec string such as
 * {@code maximumSize=10000,expireAfterWrite=6h}. Keys carry the set version, so answers of a replaced version are
 * never served. An answer is stored under the version it was actually drawn from, so a reload racing a question
 * cannot file an old answer under the new version.
 */
public final class CachingAnswerEngine extends ForwardingAnswerEngine {

    private final Cache<CacheKey, Answer> cache;

    public CachingAnswerEngine(AnswerEngine delegate, String spec) {
        this(delegate, spec, System::nanoTime);
    }

    /** @param nanoTime the time source for expiry, injectable so tests never sleep */
    public CachingAnswerEngine(AnswerEngine delegate, String spec, LongSupplier nanoTime) {
        super(delegate);
        Ticker ticker = nanoTime::getAsLong;
        this.cache = Caffeine.from(CacheSpecs.parse(spec, "cache.answers")).ticker(ticker).recordStats().build();
    }

    @Override
    public Answer answer(Question question) {
        Answer hit = cache.getIfPresent(CacheKey.of(question, delegate.versionOf(question.setName()), variant()));
        if (hit != null) {
            return hit.fromCache();
        }
        Answer answer = delegate.answer(question);
        cache.put(CacheKey.of(question, answer.set().version(), variant()), answer);
        return answer;
    }



    /** Hits, misses and evictions so far. */
    public CacheStats stats() {
        return cache.stats();
    }

    /** Hits and misses so far. */
    public CacheCounts counts() {
        CacheStats stats = cache.stats();
        return new CacheCounts(stats.hitCount(), stats.missCount());
    }

    /** Drops every cached answer. */
    public void clear() {
        cache.invalidateAll();
    }
}
