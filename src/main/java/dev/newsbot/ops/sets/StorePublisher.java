package dev.newsbot.ops.sets;

import dev.newsbot.articles.Article;
import dev.newsbot.articles.ArticleSet;
import dev.newsbot.index.IndexSettings;
import dev.newsbot.index.Passage;
import dev.newsbot.index.PassageSink;
import dev.newsbot.index.PassageStore;
import dev.newsbot.index.PriorIndex;
import java.util.Optional;

/**
 * What happens to a set version once it is built or opened, before questions see it: the in-process engine serves
 * the store as it is; an external engine writes it to its cluster and returns a store that searches there. A
 * publish that throws fails the reload, and the version served before stays served, there and in the cluster.
 */
public interface StorePublisher {

    /** The in-process engine: the built store is what questions search. */
    StorePublisher IN_PROCESS = built -> built;

    /**
     * A version being written to the engine while it is built: the build tells it of every passage, then {@link
     * #publish} finishes it; a build that fails {@link #abandon}s it.
     */
    interface Draft extends PassageSink {

        /** Writes nothing: the version is written whole by {@link #publish}. */
        Draft NONE = new Draft() {
            @Override
            public void add(int row, Passage passage, Article article, String contentHash, float[] vector) {
            }

            @Override
            public void abandon() {
            }
        };

        /** The build failed: what was written is removed. Never throws. */
        void abandon();
    }

    /**
     * Starts writing {@code set}'s version to the engine while it is built with {@code settings}, so that writing
     * overlaps embedding; {@link Draft#NONE} when the engine has nothing to write (in process, or a version it
     * serves already). The build that follows hands its store to {@link #publish}, or abandons the draft.
     */
    default Draft draft(ArticleSet set, IndexSettings settings) {
        return Draft.NONE;
    }

    /** The store questions will search for {@code built}; throws when it cannot be published. */
    PassageStore publish(PassageStore built);

    /** Called once {@code store} is served (questions reach it): older versions may be cleaned up now. */
    default void served(PassageStore store) {
    }

    /** The locally built store behind a published one, for reusing its passages and vectors at the next reload. */
    default PassageStore local(PassageStore published) {
        return published;
    }

    /**
     * The passages and vectors of the set's version that the engine serves now, read back from it, for the next
     * build to reuse those of unchanged articles; empty when the engine serves no version of the set, or one made
     * with other {@code settings} (model, dimension, splitter). The in-process engine has none: its served version
     * is in this process already.
     */
    default Optional<PriorIndex> prior(String setName, IndexSettings settings) {
        return Optional.empty();
    }
}
