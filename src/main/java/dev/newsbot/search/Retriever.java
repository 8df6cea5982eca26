package dev.newsbot.search;

import dev.newsbot.index.PassageStore;
import java.util.List;

/** Chooses the passages of a store that an answerer gets for a query. Thread-safe. */
public interface Retriever {

    /** The best passages for {@code query}, best first, at most {@code query.limit()}. */
    List<RetrievedPassage> retrieve(PassageStore store, RetrievalQuery query);
}
