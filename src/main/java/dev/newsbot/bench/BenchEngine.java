package dev.newsbot.bench;

import dev.newsbot.articles.ArticleSet;
import dev.newsbot.index.PassageStore;
import dev.newsbot.search.SearchBench;

/**
 * Where the benchmark's sets are searched: in process (the index built is what is searched) or an external engine
 * each built set is published to, as the bot publishes a reloaded version ({@code search.engine}).
 */
public interface BenchEngine {

    BenchEngine IN_PROCESS = new BenchEngine() {
        @Override
        public String name() {
            return "lucene";
        }

        @Override
        public PassageStore publish(PassageStore built) {
            return built;
        }
    };

    /** The engine's name, as {@code --engine} takes it. */
    String name();

    /** The store questions search for {@code built}. */
    PassageStore publish(PassageStore built);

    /**
     * Splits, embeds and indexes {@code set} with {@code search}, as a reload of the bot does, and publishes it; an
     * external engine is written while the set is built.
     */
    default PassageStore ingest(SearchBench search, ArticleSet set) {
        return publish(search.index(set).store());
    }

    /** Bytes the engine stores for a published set (primaries), or -1 when it keeps nothing of its own. */
    default long storedBytes(PassageStore published) {
        return -1;
    }

    /** Removes a set the benchmark published. */
    default void drop(String setName) {
    }
}
