package dev.newsbot.opensearch;

import dev.newsbot.OpenSearchNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A cluster client with a prefix of its own per test class, and passages with chosen vectors. */
final class OpenSearchFixtures {

    static final List<String> STOP_WORDS = List.of("a", "an", "and", "are", "as", "at", "be", "but", "by", "for",
            "if", "in", "into", "is", "it", "no", "not", "of", "on", "or", "such", "that", "the", "their", "then",
            "there", "these", "they", "this", "to", "was", "will", "with");

    private OpenSearchFixtures() {
    }

    static OpenSearchCluster cluster() {
        String prefix = "it-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        return OpenSearchCluster.connect(new OpenSearchSettings(List.of(OpenSearchNode.require()), prefix, 1, 0,
                OpenSearchSettings.DEFAULT_TIMEOUT), Optional.empty());
    }

    /** A unit vector of dimension 4 pointing mostly along {@code axis}. */
    static float[] axis(int axis, float tilt) {
        float[] v = new float[4];
        v[axis] = 1;
        v[(axis + 1) % 4] = tilt;
        double norm = Math.sqrt(1 + tilt * tilt);
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) norm;
        }
        return v;
    }

    static PassageDocument passage(int row, String article, String text, LocalDate day, float[] vector) {
        return new PassageDocument(row, article, 0, "Title of " + article, "Title of " + article, List.of(text),
                "Daily Planet", "https://example.org/" + article, day, "hash-" + article, vector);
    }
}
