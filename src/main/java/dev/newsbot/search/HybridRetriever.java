package dev.newsbot.search;

import dev.newsbot.articles.Article;
import dev.newsbot.base.SharedWork;
import dev.newsbot.index.PassageStore;
import dev.newsbot.index.Scored;
import dev.newsbot.question.TimeCue;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * Dense similarity and BM25 keyword search fused by reciprocal rank (RRF), so that names, numbers and outlet
 * names are found even where the embedding misses them, and paraphrases where the words differ. News priors are
 * added to the fused score: articles published shortly before the question date rank higher (more so when the
 * question says "this week" or "recently"), as do articles from an outlet the question names or published on a
 * day it names, and, for a many-part question, articles on the name its leading articles share ({@link
 * BridgeEntity}). Each outlet a question names gets an article near the top, so that comparisons can cite both
 * sides. At most {@link RetrievalWeights#maxPerArticle} passages of one article are returned, so one long article
 * cannot crowd out the rest. Every weight is in {@link RetrievalWeights}.
 *
 * <p>The dense and keyword searches run side by side, one on a helper thread and one on the calling thread, so a
 * question waits for the slower of the two rather than for both ({@link SharedWork}). When no helper is free, the
 * calling thread runs both in turn: a busy pool never delays an answer beyond that.
 */
public final class HybridRetriever implements Retriever {

    private static final int DENSE = 0;
    private static final int KEYWORD = 1;

    private final RetrievalWeights weights;
    private final Executor helpers;

    /** With the weights newsbot ships with, both searches in the calling thread. */
    public HybridRetriever() {
        this(RetrievalWeights.DEFAULT, Runnable::run);
    }

    /**
     * With the weights newsbot ships with, one of the two searches on {@code helpers} (which this does not stop).
     */
    public HybridRetriever(Executor helpers) {
        this(RetrievalWeights.DEFAULT, helpers);
    }

    public HybridRetriever(RetrievalWeights weights) {
        this(weights, Runnable::run);
    }

    public HybridRetriever(RetrievalWeights weights, Executor helpers) {
        this.weights = Objects.requireNonNull(weights, "HybridRetriever.weights must not be null");
        this.helpers = Objects.requireNonNull(helpers, "HybridRetriever.helpers must not be null");
    }

    /** Retrieves the best passages of {@code store} for {@code query}, best first. */
    @Override
    public List<RetrievedPassage> retrieve(PassageStore store, RetrievalQuery query) {
        List<List<Scored>> lists = Arrays.asList(null, null);
        SharedWork.run(helpers, 2, 2, list -> lists.set(list, list == DENSE
                ? store.dense(query.vector(), weights.candidates(), query.notAfter())
                : store.keyword(query.text(), weights.candidates(), query.notAfter())));
        List<Scored> dense = lists.get(DENSE);
        List<Scored> keyword = lists.get(KEYWORD);
        Map<Integer, Fused> fused = new HashMap<>();
        for (int i = 0; i < dense.size(); i++) {
            fused.computeIfAbsent(dense.get(i).row(), Fused::new).denseRank = i + 1;
        }
        for (int i = 0; i < keyword.size(); i++) {
            fused.computeIfAbsent(keyword.get(i).row(), Fused::new).keywordRank = i + 1;
        }
        QueryCues cues = QueryCues.of(query.text(), store.outlets(), query.notAfter());
        fused.values().forEach(f -> f.prior = prior(store.article(f.row), cues, query.notAfter()));
        List<Fused> ranked = new ArrayList<>(fused.values());
        ranked.sort(Comparator.comparingDouble(Fused::score).reversed().thenComparingInt(f -> f.row));
        bridge(store, query, cues, ranked);
        coverOutlets(store, cues, ranked);
        return diverse(store, query, ranked);
    }

    /**
     * A question that names an outlet and has several parts (several outlets, or several claims) is often about one
     * thing it does not name: "Who is the individual whose trial …", "Which company … according to The Age and
     * TechCrunch". When at least
     * {@link RetrievalWeights#bridgeMinArticles} of the first {@link RetrievalWeights#bridgeLeading} articles share a name the question
     * lacks ({@link BridgeEntity}), the articles after the first {@link RetrievalWeights#bridgeKeep} that mention it gain
     * {@link RetrievalWeights#bridgeWeight} of a first place; the first ones keep their places. Reorders {@code ranked} in place.
     */
    void bridge(PassageStore store, RetrievalQuery query, QueryCues cues, List<Fused> ranked) {
        if (cues.outlets().isEmpty() || cues.outlets().size() < 2 && cues.clauses().isEmpty()) {
            return;
        }
        List<Integer> starts = articleStarts(store, ranked);
        if (starts.size() <= weights.bridgeKeep()) {
            return;
        }
        List<String> leading = starts.stream().limit(weights.bridgeLeading())
                .map(start -> titleAndPassage(store, ranked.get(start).row)).toList();
        BridgeEntity.of(query.text(), leading, store.outlets(), weights.bridgeMinArticles()).ifPresent(name -> {
            List<Fused> rest = ranked.subList(starts.get(weights.bridgeKeep()), ranked.size());
            for (Fused f : rest) {
                if (BridgeEntity.mentions(titleAndPassage(store, f.row), name)) {
                    f.prior += weights.bridgeWeight() * weights.top();
                }
            }
            rest.sort(Comparator.comparingDouble(Fused::score).reversed().thenComparingInt(f -> f.row));
        });
    }

    private static String titleAndPassage(PassageStore store, int row) {
        return store.article(row).title() + "\n" + store.passage(row).text();
    }

    /**
     * A question that names several outlets compares what they reported, so each needs an article in the answer:
     * an outlet with none among the first {@link RetrievalWeights#coverOutletsBy} articles has its best passage moved up to that
     * article rank (the next one for a second such outlet). Reorders {@code ranked} in place.
     */
    void coverOutlets(PassageStore store, QueryCues cues, List<Fused> ranked) {
        if (cues.outlets().size() < 2) {
            return;
        }
        int rank = weights.coverOutletsBy();
        for (Fused best : bestOfMissingOutlets(store, cues, ranked)) {
            List<Integer> starts = articleStarts(store, ranked);
            if (rank > starts.size()) {
                return;
            }
            ranked.remove(best);
            ranked.add(starts.get(rank - 1), best);
            rank++;
        }
    }

    /** The best passage of each named outlet with no article among the first {@link RetrievalWeights#coverOutletsBy}. */
    private List<Fused> bestOfMissingOutlets(PassageStore store, QueryCues cues, List<Fused> ranked) {
        Set<String> seenArticles = new HashSet<>();
        Set<String> covered = new HashSet<>();
        List<Fused> missing = new ArrayList<>();
        for (Fused f : ranked) {
            Article article = store.article(f.row);
            seenArticles.add(article.id());
            String outlet = article.source() == null ? "" : article.source().toLowerCase(Locale.ROOT);
            if (cues.outlets().contains(outlet) && covered.add(outlet) && seenArticles.size() > weights.coverOutletsBy()) {
                missing.add(f);
            }
        }
        return missing;
    }

    /** The index in {@code ranked} of each article's first passage, in article rank order. */
    private static List<Integer> articleStarts(PassageStore store, List<Fused> ranked) {
        Set<String> seen = new HashSet<>();
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            if (seen.add(store.article(ranked.get(i).row).id())) {
                starts.add(i);
            }
        }
        return starts;
    }

    /** The news priors of one article for a question, in units of a first place in one list. */
    double prior(Article article, QueryCues cues, LocalDate asked) {
        double prior = 0;
        if (asked != null && article.publishedDate().isPresent()) {
            LocalDate published = article.publishedDate().get();
            LocalDate anchor = cues.time().map(TimeCue::to).orElse(asked);
            long age = Math.abs(ChronoUnit.DAYS.between(published, anchor));
            prior += (cues.recent() ? weights.recentCueWeight() : weights.recencyWeight()) * Math.exp(-age / weights.recencyDays());
            if (cues.time().filter(t -> !t.vague() && t.covers(published)).isPresent()) {
                prior += weights.windowWeight();
            }
        }
        if (cues.namesOutlet(article.source())) {
            prior += weights.outletWeight();
        }
        if (article.publishedDate().isPresent() && cues.days().contains(article.publishedDate().get())) {
            prior += weights.dayWeight();
        }
        return prior * weights.top();
    }

    private List<RetrievedPassage> diverse(PassageStore store, RetrievalQuery query, List<Fused> ranked) {
        Map<String, Integer> perArticle = new HashMap<>();
        List<Fused> chosen = new ArrayList<>();
        List<Fused> held = new ArrayList<>();
        for (Fused f : ranked) {
            boolean room = perArticle.merge(store.article(f.row).id(), 1, Integer::sum) <= weights.maxPerArticle();
            (room && chosen.size() < query.limit() ? chosen : held).add(f);
        }
        chosen.addAll(deeper(store, chosen, held));
        List<RetrievedPassage> result = new ArrayList<>(chosen.size());
        for (Fused f : chosen) {
            result.add(new RetrievedPassage(f.row, store.passage(f.row), store.article(f.row), f.score(),
                    store.similarity(query.vector(), f.row), f.keywordRank, f.denseRank));
        }
        return result;
    }

    /**
     * More passages of the best-ranked article, held back by the per-article limit: placed after the others,
     * they change no article's rank but give the answerer more of the article most likely to hold the answer.
     */
    private List<Fused> deeper(PassageStore store, List<Fused> chosen, List<Fused> held) {
        if (chosen.isEmpty()) {
            return List.of();
        }
        String top = store.article(chosen.get(0).row).id();
        return held.stream().filter(f -> store.article(f.row).id().equals(top)).limit(weights.topArticleExtra()).toList();
    }

    private final class Fused {
        final int row;
        int denseRank;
        int keywordRank;
        double prior;

        Fused(int row) {
            this.row = row;
        }

        double score() {
            return reciprocal(denseRank) + reciprocal(keywordRank) + prior;
        }

        private double reciprocal(int rank) {
            return rank == 0 ? 0 : 1.0 / (weights.rrfK() + rank);
        }
    }
}
