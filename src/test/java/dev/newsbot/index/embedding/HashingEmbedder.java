package dev.newsbot.index.embedding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A deterministic stand-in for the embedding model in fast unit tests: a unit bag-of-words vector of hashed,
 * lower-cased words. Texts sharing words are similar; nothing else is modelled. Integration tests use the real
 * model.
 */
public final class HashingEmbedder implements Embedder {

    private static final int DIMENSION = 64;
    private int calls;

    @Override
    public synchronized float[] embed(String text) {
        calls++;
        float[] v = new float[DIMENSION];
        for (String word : text.toLowerCase(Locale.ROOT).split("\\W+")) {
            if (!word.isEmpty()) {
                v[Math.floorMod(word.hashCode(), DIMENSION)] += 1;
            }
        }
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        for (int i = 0; i < DIMENSION; i++) {
            v[i] = norm == 0 ? 0 : (float) (v[i] / Math.sqrt(norm));
        }
        return v;
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<float[]> out = new ArrayList<>();
        texts.forEach(t -> out.add(embed(t)));
        return out;
    }

    /** How many texts were embedded so far. */
    public synchronized int calls() {
        return calls;
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public String modelName() {
        return "hashing-test";
    }
}
