package dev.newsbot.search;

import dev.newsbot.articles.Article;
import dev.newsbot.index.PassageStore;
import dev.newsbot.index.Scored;
import dev.newsbot.question.TimeCue;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Dense similarity and BM25 keyword search fused by reciprocal rank (RRF), so that names, numbers and outlet
 * names are found even where the embedding misses them, and paraphrases where the words differ. News priors are
 * added to the fused score: articles published shortly before the question date rank higher (more so when the
 * question says "this week" or "recently"), as do articles from an outlet the question names or published on a
 * day it names, and, for a many-part question, articles on the name its leading articles share ({@link
 * BridgeEntity}). Each outlet a question names gets an article near the top, so that comparisons can cite both
 * sides. At most {@link #MAX_PER_ARTICLE} passages of one article are returned, so one long article cannot
 * crowd out the rest.
 */
public final class HybridRetriever implements Retriever {

    static final int RRF_K = 60;
    static final int CANDIDATES = 50;
    static final int MAX_PER_ARTICLE = 2;
    /** Passages of the best-ranked article given beyond {@link #MAX_PER_ARTICLE}, after all the others. */
    static final int TOP_ARTICLE_EXTRA = 4;
    /** The score of a first place in one list: the unit of every prior. */
    static final double TOP = 1.0 / (RRF_K + 1);
    static final double RECENT_CUE_WEIGHT = 0.5;
    static final double RECENCY_WEIGHT = 0.3;
    static final double RECENCY_DAYS = 7;
    static final double OUTLET_WEIGHT = 0.5;
    /**
     * An article published in the span of days a question names ("this week", "the week before January 5") counts
     * as a first place, so a years-old article that matches as well cannot beat it. A vague cue ("recently") sets
     * no span: on mhr500 a 31-day span for it cost 8 questions a gold article in the top 10 and won none.
     */
    static final double WINDOW_WEIGHT = 1.0;
    /**
     * A day the question names ("the TechCrunch report published on October 2") points at the articles of that
     * day, so it counts as a first place: mhr500 recall@10 0.945 to 0.949 against 0.5.
     */
    static final double DAY_WEIGHT = 1.0;
    /** Articles whose shared name a many-part question is taken to be about. */
    static final int BRIDGE_LEADING_ARTICLES = 5;
    static final int BRIDGE_MIN_ARTICLES = 2;
    /** Articles that keep their places when the shared name reorders the rest. */
    static final int BRIDGE_KEEP = 3;
    static final double BRIDGE_WEIGHT = 1.0;
    /** The article rank by which each outlet a comparing question names has an article. */
    static final int COVER_OUTLETS_BY = 8;

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
     * {@link #BRIDGE_MIN_ARTICLES} of the first {@link #BRIDGE_LEADING_ARTICLES} articles share a name the question
     * lacks ({@link BridgeEntity}), the articles after the first {@link #BRIDGE_KEEP} that mention it gain
     * {@link #BRIDGE_WEIGHT} of a first place; the first ones keep their places. Reorders {@code ranked} in place.
     */
    static void bridge(PassageStore store, RetrievalQuery query, QueryCues cues, List<Fused> ranked) {
        if (cues.outlets().isEmpty() || cues.outlets().size() < 2 && cues.clauses().isEmpty()) {
            return;
        }
        List<Integer> starts = articleStarts(store, ranked);
        if (starts.size() <= BRIDGE_KEEP) {
            return;
        }
        List<String> leading = starts.stream().limit(BRIDGE_LEADING_ARTICLES)
                .map(start -> titleAndPassage(store, ranked.get(start).row)).toList();
        BridgeEntity.of(query.text(), leading, store.outlets(), BRIDGE_MIN_ARTICLES).ifPresent(name -> {
            List<Fused> rest = ranked.subList(starts.get(BRIDGE_KEEP), ranked.size());
            for (Fused f : rest) {
                if (BridgeEntity.mentions(titleAndPassage(store, f.row), name)) {
                    f.prior += BRIDGE_WEIGHT * TOP;
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
     * an outlet with none among the first {@link #COVER_OUTLETS_BY} articles has its best passage moved up to that
     * article rank (the next one for a second such outlet). Reorders {@code ranked} in place.
     */
    static void coverOutlets(PassageStore store, QueryCues cues, List<Fused> ranked) {
        if (cues.outlets().size() < 2) {
            return;
        }
        int rank = COVER_OUTLETS_BY;
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

    /** The best passage of each named outlet with no article among the first {@link #COVER_OUTLETS_BY}. */
    private static List<Fused> bestOfMissingOutlets(PassageStore store, QueryCues cues, List<Fused> ranked) {
        Set<String> seenArticles = new HashSet<>();
        Set<String> covered = new HashSet<>();
        List<Fused> missing = new ArrayList<>();
        for (Fused f : ranked) {
            Article article = store.article(f.row);
            seenArticles.add(article.id());
            String outlet = article.source() == null ? "" : article.source().toLowerCase(Locale.ROOT);
            if (cues.outlets().contains(outlet) && covered.add(outlet) && seenArticles.size() > COVER_OUTLETS_BY) {
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
    static double prior(Article article, QueryCues cues, LocalDate asked) {
        double prior = 0;
        if (asked != null && article.publishedDate().isPresent()) {
            LocalDate published = article.publishedDate().get();
            LocalDate anchor = cues.time().map(TimeCue::to).orElse(asked);
            long age = Math.abs(ChronoUnit.DAYS.between(published, anchor));
            prior += (cues.recent() ? RECENT_CUE_WEIGHT : RECENCY_WEIGHT) * Math.exp(-age / RECENCY_DAYS);
            if (cues.time().filter(t -> !t.vague() && t.covers(published)).isPresent()) {
                prior += WINDOW_WEIGHT;
            }
        }
        if (cues.namesOutlet(article.source())) {
            prior += OUTLET_WEIGHT;
        }
        if (article.publishedDate().isPresent() && cues.days().contains(article.publishedDate().get())) {
            prior += DAY_WEIGHT;
        }
        return prior * TOP;
    }

    private static List<RetrievedPassage> diverse(PassageStore store, RetrievalQuery query, List<Fused> ranked) {
        Map<String, Integer> perArticle = new HashMap<>();
        List<Fused> chosen = new ArrayList<>();
        List<Fused> held = new ArrayList<>();
        for (Fused f : ranked) {
            boolean room = perArticle.merge(store.article(f.row).id(), 1, Integer::sum) <= MAX_PER_ARTICLE;
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
    private static List<Fused> deeper(PassageStore store, List<Fused> chosen, List<Fused> held) {
        if (chosen.isEmpty()) {
            return List.of();
        }
        String top = store.article(chosen.get(0).row).id();
        return held.stream().filter(f -> store.article(f.row).id().equals(top)).limit(TOP_ARTICLE_EXTRA).toList();
    }

    private static final class Fused {
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

        private static double reciprocal(int rank) {
            return rank == 0 ? 0 : 1.0 / (RRF_K + rank);
        }
    }
}
