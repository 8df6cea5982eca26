package dev.newsbot.bench;

import dev.newsbot.articles.Article;
import dev.newsbot.articles.ArticleSet;
import dev.newsbot.index.Passage;
import dev.newsbot.index.PassageStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToIntFunction;

/**
 * The benchmark's passages: a sample of real articles with a given number of passages, and that sample grown to
 * N passages by replicating its passages under copied articles (distinct ids and urls) with their vectors
 * slightly perturbed.
 */
final class BenchCorpus {

    /** Standard deviation of the Gaussian noise added to each component of a copied vector, before renormalising. */
    static final double NOISE = 0.01;

    private BenchCorpus() {
    }

    /**
     * The articles of {@code source} in order, repeated as copies when there are too few, until they split into at
     * least {@code passages} passages.
     */
    static ArticleSet sample(ArticleSet source, ToIntFunction<Article> passageCount, int passages, String name) {
        List<Article> chosen = new ArrayList<>();
        Map<String, Integer> counts = new HashMap<>();
        int total = 0;
        for (int i = 0; total < passages; i++) {
            Article original = source.articles().get(i % source.articles().size());
            chosen.add(copy(original, "s" + i / source.articles().size(), i < source.articles().size()));
            total += counts.computeIfAbsent(original.id(), id -> passageCount.applyAsInt(original));
        }
        return ArticleSet.of(name, chosen);
    }

    /** The {@code n} passages of {@code sample} repeated, their owners and their vectors, as one set. */
    static Grown grow(PassageStore sample, int n, Random random, String name) {
        int size = sample.size();
        List<Passage> passages = new ArrayList<>(n);
        List<Article> owners = new ArrayList<>(n);
        List<float[]> vectors = new ArrayList<>(n);
        Map<String, Article> copies = new LinkedHashMap<>();
        for (int row = 0; row < n; row++) {
            int base = row % size;
            int replica = row / size;
            Article article = copies.computeIfAbsent(sample.article(base).id() + "#" + replica,
                    key -> copy(sample.article(base), "r" + replica, replica == 0));
            Passage passage = sample.passage(base);
            passages.add(replica == 0 ? passage : new Passage(article.id(), passage.ordinal(), passage.sentences()));
            owners.add(article);
            vectors.add(replica == 0 ? sample.vector(base) : perturb(sample.vector(base), random));
        }
        return new Grown(ArticleSet.of(name, List.copyOf(copies.values())), passages, owners, vectors);
    }

    /** The article itself when {@code original}, else the same article with {@code tag} added to its id and url. */
    static Article copy(Article article, String tag, boolean original) {
        if (original) {
            return article;
        }
        return new Article(article.id() + "~" + tag, article.title(), article.source(),
                article.url() == null ? null : article.url() + "#" + tag, article.published(), article.author(),
                article.body());
    }

    /** {@code vector} plus Gaussian noise of deviation {@link #NOISE} per component, renormalised to unit length. */
    static float[] perturb(float[] vector, Random random) {
        float[] out = new float[vector.length];
        double norm = 0;
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (vector[i] + NOISE * random.nextGaussian());
            norm += out[i] * out[i];
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < out.length; i++) {
            out[i] *= scale;
        }
        return out;
    }

    /** A grown set ready for {@code SearchBench.assemble}. */
    record Grown(ArticleSet set, List<Passage> passages, List<Article> owners, List<float[]> vectors) {
    }
}
