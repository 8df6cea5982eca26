package dev.newsbot.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BiFunction;

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
     * The same configuration with the environment's overrides: {@code NEWSBOT_ANSWER_MODE},
     * {@code NEWSBOT_LLM_BASE_URL} and {@code NEWSBOT_LLM_MODEL}. A bad value is an error naming the variable.
     */
    public NewsbotConfig withEnvironment(Map<String, String> env) {
        AnswerSettings a = answer;
        try {
            a = override(env, "NEWSBOT_ANSWER_MODE", a, AnswerSettings::withMode);
            a = override(env, "NEWSBOT_LLM_BASE_URL", a, (s, v) -> s.withLlm(s.llm().withBaseUrl(v)));
            a = override(env, "NEWSBOT_LLM_MODEL", a, (s, v) -> s.withLlm(s.llm().withModel(v)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("environment " + e.getMessage(), e);
        }
        return new NewsbotConfig(articles, retrieval, a, cache, prompts);
    }

    private static AnswerSettings override(Map<String, String> env, String name, AnswerSettings settings,
                                           BiFunction<AnswerSettings, String, AnswerSettings> with) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return settings;
        }
        try {
            return with.apply(settings, value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
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
       * @param llm              the language model for {@code llm} mode
     */
    public record AnswerSettings(@JsonProperty("mode") String mode,
                                 @JsonProperty("maxSentences") Integer maxSentences,
                                 @JsonProperty("refusalThreshold") Double refusalThreshold,
                                 @JsonProperty("llm") Llm llm) {
        static final AnswerSettings DEFAULT = new AnswerSettings(null, null, null, null);

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
            llm = llm == null ? Llm.DEFAULT : llm;
        }

        public AnswerSettings withMode(String newMode) {
            return new AnswerSettings(newMode, maxSentences, refusalThreshold, llm);
        }

        public AnswerSettings withLlm(Llm newLlm) {
            return new AnswerSettings(mode, maxSentences, refusalThreshold, newLlm);
        }
    }

    /**
     * The language model that writes answers in {@code llm} mode: any server speaking the OpenAI chat-completions
     * protocol, Ollama included (at {@code /v1}). The API key is never read from the file, only from
     * {@code NEWSBOT_LLM_API_KEY}.
     *
     * @param provider        {@code openai} (default) or {@code ollama}; sets the default {@code baseUrl}
     * @param baseUrl         the API root; default {@code https://api.openai.com/v1}, or
     *                        {@code http://localhost:11434/v1} for Ollama
     * @param model           the model name, such as {@code gpt-4o-mini} or {@code llama3.1:8b}; required in
     *                        {@code llm} mode
     * @param timeoutSeconds  the whole answer, verification included, must take no longer; 1 to 600, default 20
     * @param maxOutputTokens the most tokens the model may write; 16 to 8192, default 400
     * @param temperature     sampling temperature, 0 to 2; default 0
     */
    public record Llm(@JsonProperty("provider") String provider,
                      @JsonProperty("baseUrl") String baseUrl,
                      @JsonProperty("model") String model,
                      @JsonProperty("timeoutSeconds") Integer timeoutSeconds,
                      @JsonProperty("maxOutputTokens") Integer maxOutputTokens,
                      @JsonProperty("temperature") Double temperature) {
        static final Llm DEFAULT = new Llm(null, null, null, null, null, null);

        public Llm {
            provider = provider == null ? "openai" : provider;
            if (!List.of("openai", "ollama").contains(provider)) {
                throw new IllegalArgumentException("answer.llm.provider must be openai or ollama, was \"" + provider + "\"");
            }
            baseUrl = baseUrl == null || baseUrl.isBlank() ? defaultBaseUrl(provider) : baseUrl.strip();
            if (!baseUrl.matches("https?://\\S+")) {
                throw new IllegalArgumentException("answer.llm.baseUrl must be an http or https URL, was \"" + baseUrl + "\"");
            }
            model = model == null || model.isBlank() ? null : model.strip();
            timeoutSeconds = orDefault(timeoutSeconds, 20, "answer.llm.timeoutSeconds", 1, 600);
            maxOutputTokens = orDefault(maxOutputTokens, 400, "answer.llm.maxOutputTokens", 16, 8192);
            temperature = temperature == null ? 0.0 : temperature;
            if (temperature < 0 || temperature > 2) {
                throw new IllegalArgumentException("answer.llm.temperature must be 0 to 2, was " + temperature);
            }
        }

        private static String defaultBaseUrl(String provider) {
            return provider.equals("ollama") ? "http://localhost:11434/v1" : "https://api.openai.com/v1";
        }

        public Llm withBaseUrl(String newBaseUrl) {
            return new Llm(provider, newBaseUrl, model, timeoutSeconds, maxOutputTokens, temperature);
        }

        public Llm withModel(String newModel) {
            return new Llm(provider, baseUrl, newModel, timeoutSeconds, maxOutputTokens, temperature);
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
