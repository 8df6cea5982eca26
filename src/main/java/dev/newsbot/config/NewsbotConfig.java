package dev.newsbot.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The whole configuration, as read from YAML ({@code config/newsbot.example.yaml} documents every key). Every
 * section and key is optional; a missing one takes the default named here. Secrets (the Telegram token, the admin
 * token, LLM keys) are never read from the file, only from the environment.
 */
public record NewsbotConfig(
        @JsonProperty("articles") Articles articles,
        @JsonProperty("retrieval") Retrieval retrieval,
        @JsonProperty("answer") AnswerSettings answer,
        @JsonProperty("cache") CacheSettings cache,
        @JsonProperty("prompts") String prompts) {

    public NewsbotConfig {
        articles = articles == null ? Articles.DEFAULT : articles;
        retrieval = retrieval == null ? Retrieval.DEFAULT : retrieval;
        answer = answer == null ? AnswerSettings.DEFAULT : answer;
        cache = cache == null ? CacheSettings.DEFAULT : cache;
    }

    public static NewsbotConfig defaults() {
        return new NewsbotConfig(null, null, null, null, null);
    }

    /** The same configuration with the default set's files replaced (from {@code --articles}). */
    public NewsbotConfig withDefaultSetPaths(List<Path> paths) {
        Map<String, List<String>> sets = new TreeMap<>(articles.sets());
        sets.put(articles.defaultSet(), paths.stream().map(Path::toString).toList());
        return new NewsbotConfig(new Articles(sets, articles.defaultSet(), articles.snapshots()), retrieval, answer,
                cache, prompts);
    }

    /**
     * Article sets.
     *
     * @param sets       set name → files and directories; a set named {@code default} with no paths is the
     *                   bundled seed article
     * @param defaultSet the set a chat uses until it picks another; default {@code default}
     * @param snapshots  whether to keep an index snapshot beside each set; default true
     */
    public record Articles(@JsonProperty("sets") Map<String, List<String>> sets,
                           @JsonProperty("default") String defaultSet,
                           @JsonProperty("snapshots") Boolean snapshots) {
        static final Articles DEFAULT = new Articles(null, null, null);

        public Articles {
            sets = sets == null ? Map.of() : Map.copyOf(sets);
            defaultSet = defaultSet == null ? "default" : defaultSet;
            snapshots = snapshots == null ? Boolean.TRUE : snapshots;
            sets.forEach((name, paths) -> Objects.requireNonNull(paths, "articles.sets." + name + " must list paths"));
        }
    }

    /**
     * Retrieval.
     *
     * @param maxPassageTokens token budget of title plus passage; default 110 (the model reads 128)
     * @param passages         passages given to the answerer; default 12
     */
    public record Retrieval(@JsonProperty("maxPassageTokens") Integer maxPassageTokens,
                            @JsonProperty("passages") Integer passages) {
        static final Retrieval DEFAULT = new Retrieval(null, null);

        public Retrieval {
            maxPassageTokens = orDefault(maxPassageTokens, 110, "retrieval.maxPassageTokens", 48, 126);
            passages = orDefault(passages, 12, "retrieval.passages", 1, 50);
        }
    }

    /**
     * Answering.
     *
     * @param mode             {@code extractive} (default) or {@code llm}
     * @param maxSentences     sentences per answer, 1 to 3; default 3
     * @param refusalThreshold confidence below which the bot declines, 0 to 1; default 0.2
     */
    public record AnswerSettings(@JsonProperty("mode") String mode,
                                 @JsonProperty("maxSentences") Integer maxSentences,
                                 @JsonProperty("refusalThreshold") Double refusalThreshold) {
        static final AnswerSettings DEFAULT = new AnswerSettings(null, null, null);

        public AnswerSettings {
            mode = mode == null ? "extractive" : mode;
            if (!List.of("extractive", "llm").contains(mode)) {
                throw new IllegalArgumentException("answer.mode must be extractive or llm, was \"" + mode + "\"");
            }
            maxSentences = orDefault(maxSentences, 3, "answer.maxSentences", 1, 3);
            refusalThreshold = refusalThreshold == null ? 0.2 : refusalThreshold;
            if (refusalThreshold < 0 || refusalThreshold > 1) {
                throw new IllegalArgumentException("answer.refusalThreshold must be 0 to 1, was " + refusalThreshold);
            }
        }
    }

    /**
     * Caches, each one Caffeine spec string.
     *
     * @param answers    default {@code maximumSize=10000,expireAfterWrite=6h}
     * @param embeddings query vectors; default {@code maximumSize=10000}
     */
    public record CacheSettings(@JsonProperty("answers") String answers,
                                @JsonProperty("embeddings") String embeddings) {
        static final CacheSettings DEFAULT = new CacheSettings(null, null);

        public CacheSettings {
            answers = answers == null ? "maximumSize=10000,expireAfterWrite=6h" : answers;
            embeddings = embeddings == null ? "maximumSize=10000" : embeddings;
        }
    }

    static int orDefault(Integer value, int fallback, String key, int min, int max) {
        int v = value == null ? fallback : value;
        if (v < min || v > max) {
            throw new IllegalArgumentException(key + " must be " + min + " to " + max + ", was " + v);
        }
        return v;
    }
}
