package dev.newsbot.answer;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A logistic model of whether the retrieved articles answer a question, from the named {@link Evidence} features:
 * each feature is standardised by its mean and scale on the questions it was fitted on, weighed, and the sum
 * turned into a probability. Below {@code threshold} the bot declines. The bundled model is fitted on every dev set
 * by the {@code calibrate} command; docs/quality.md gives its leave-one-set-out figures.
 *
 * @param features  the feature names, in the order of the other lists
 * @param mean      each feature's mean on the fitting questions
 * @param scale     each feature's standard deviation there (1 where it did not vary)
 * @param weights   each standardised feature's weight
 * @param bias      the intercept
 * @param threshold the probability below which the bot declines, 0 to 1
 * @param fittedOn  the QA sets it was fitted on, for the record
 */
public record Answerability(List<String> features, List<Double> mean, List<Double> scale, List<Double> weights,
                            double bias, double threshold, List<String> fittedOn) {

    /** The bundled model, beside this class. */
    public static final String RESOURCE = "answerability.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    public Answerability(@JsonProperty("features") List<String> features, @JsonProperty("mean") List<Double> mean,
                         @JsonProperty("scale") List<Double> scale, @JsonProperty("weights") List<Double> weights,
                         @JsonProperty("bias") double bias, @JsonProperty("threshold") double threshold,
                         @JsonProperty("fittedOn") List<String> fittedOn) {
        this.features = List.copyOf(Objects.requireNonNull(features, "Answerability.features must not be null"));
        this.mean = sized(mean, "mean", features.size());
        this.scale = sized(scale, "scale", features.size());
        this.weights = sized(weights, "weights", features.size());
        if (!Double.isFinite(bias)) {
            throw new IllegalArgumentException("Answerability.bias must be finite, was " + bias);
        }
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("Answerability.threshold must be 0 to 1, was " + threshold);
        }
        this.bias = bias;
        this.threshold = threshold;
        this.fittedOn = fittedOn == null ? List.of() : List.copyOf(fittedOn);
        if (this.scale.stream().anyMatch(s -> s <= 0)) {
            throw new IllegalArgumentException("Answerability.scale must be positive, was " + this.scale);
        }
    }

    private static List<Double> sized(List<Double> values, String field, int size) {
        Objects.requireNonNull(values, "Answerability." + field + " must not be null");
        if (values.size() != size || values.stream().anyMatch(v -> v == null || !Double.isFinite(v))) {
            throw new IllegalArgumentException("Answerability." + field + " must hold " + size
                    + " finite numbers, one per feature, was " + values);
        }
        return List.copyOf(values);
    }

    /** The names of the evidence features the answerer measures for every question. */
    public static List<String> measuredFeatures() {
        return Evidence.NAMES;
    }

    /** The model bundled with the application. */
    public static Answerability bundled() {
        try (InputStream in = Answerability.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("bundled model " + RESOURCE + " is missing from the jar");
            }
            return JSON.readValue(in, Answerability.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled model " + RESOURCE, e);
        }
    }

    /** Writes the model as JSON. */
    public void write(Path file) throws IOException {
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this) + "\n");
    }

    /** The probability that {@code values} (by feature name; a missing one counts as its mean) answer the question. */
    public double probability(Map<String, Double> values) {
        double z = bias;
        for (int i = 0; i < features.size(); i++) {
            Double v = values.get(features.get(i));
            z += weights.get(i) * ((v == null ? mean.get(i) : v) - mean.get(i)) / scale.get(i);
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** The same model with another refusal threshold. */
    public Answerability withThreshold(double newThreshold) {
        return new Answerability(features, mean, scale, weights, bias, newThreshold, fittedOn);
    }
}
