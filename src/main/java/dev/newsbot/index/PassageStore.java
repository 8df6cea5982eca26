package dev.newsbot.index;

import dev.newsbot.articles.Article;
import dev.newsbot.articles.ArticleSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The searchable passages of one version of one article set. Rows number the passages from 0. This is the seam
 * where an external store (PostgreSQL with pgvector, shared by several bot replicas) can replace the embedded
 * Lucene {@link IndexedSet}. Implementations are immutable snapshots and thread-safe: a reload builds a new store.
 */
public interface PassageStore {

    /** The articles this store was built from; its name and version identify the store. */
    ArticleSet articleSet();

    /** The newest publication day of the set's articles that is not after {@code day}, if any article is dated so. */
    Optional<LocalDate> newestOnOrBefore(LocalDate day);

    /** The distinct outlet names of the set's articles. */
    java.util.Set<String> outlets();

    /** Number of passages. */
    int size();

    Passage passage(int row);

    Article article(int row);

    /** The passage's unit vector (a copy). */
    float[] vector(int row);

    /** Cosine similarity between a unit query vector and the passage's vector. */
    float similarity(float[] query, int row);

    /** The {@code k} passages most similar to the unit vector {@code query}, best first. */
    List<Scored> dense(float[] query, int k, LocalDate notAfter);

    /** The {@code k} best passages for {@code text} by BM25, best first. */
    List<Scored> keyword(String text, int k, LocalDate notAfter);

    /** How rare an analysed term is in this store (BM25 idf); 0 when no passage has it. */
    double idf(String term);

    /** The largest idf a term can have in this store. */
    double maxIdf();
}
