package dev.newsbot.retrieval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Dense similarity and BM25 keyword search fused by reciprocal rank (RRF), so that names, numbers and outlet
 * names are found even where the embedding misses them, and paraphrases where the words differ. At most
 * {@link #MAX_PER_ARTICLE} passages of one article are returned, so one long article cannot crowd out the rest.
 */
public final class HybridRetriever implements Retriever {

    static final int RRF_K = 60;
    static final int CANDIDATES = 50;
    static final int MAX_PER_ARTICLE = 3;

    /** Retrieves the best passages of {@code store} for {@code query}, best first. */
    @Override
    public List<RetrievedPassage> retrieve(PassageStore store, RetrievalQuery query) {
        List<Scored> dense = store.dense(query.vector(), CANDIDATES, query.notAfter());
        List<Scored> keyword = store.keyword(query.text(), CANDIDATES, query.notAfter());
        Map<Integer, Fused> fused = new HashMap<>();
        for (int i = 0; i < dense.size(); i++) {
            fused.computeIfAbsent(dense.get(i).row(), Fused::new).denseRank = i + 1;
        }
        for (int i = 0; i < keyword.size(); i++) {
            fused.computeIfAbsent(keyword.get(i).row(), Fused::new).keywordRank = i + 1;
        }
        List<Fused> ranked = new ArrayList<>(fused.values());
        ranked.sort(Comparator.comparingDouble(Fused::score).reversed().thenComparingInt(f -> f.row));
        return diverse(store, query, ranked);
    }

    private static List<RetrievedPassage> diverse(PassageStore store, RetrievalQuery query, List<Fused> ranked) {
        Map<String, Integer> perArticle = new HashMap<>();
        List<RetrievedPassage> result = new ArrayList<>();
        for (Fused f : ranked) {
            String articleId = store.article(f.row).id();
            if (perArticle.merge(articleId, 1, Integer::sum) > MAX_PER_ARTICLE) {
                continue;
            }
            result.add(new RetrievedPassage(f.row, store.passage(f.row), store.article(f.row), f.score(),
                    store.similarity(query.vector(), f.row), f.keywordRank, f.denseRank));
            if (result.size() == query.limit()) {
                break;
            }
        }
        return result;
    }

    private static final class Fused {
        final int row;
        int denseRank;
        int keywordRank;

        Fused(int row) {
            this.row = row;
        }

        double score() {
            return reciprocal(denseRank) + reciprocal(keywordRank);
        }

        private static double reciprocal(int rank) {
            return rank == 0 ? 0 : 1.0 / (RRF_K + rank);
        }
    }
}
