package dev.newsbot.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        @JsonProperty("prompts") String prompts,
        @JsonProperty("admin") Admin admin,
        @JsonProperty("telegram") Telegram telegram,
        @JsonProperty("watch") Watch watch,
        @JsonProperty("state") State state,
        @JsonProperty("sources") Sources sources,
        @JsonProperty("log") Log log,
        @JsonProperty("search") Search search) {

    public NewsbotConfig {
        articles = articles == null ? Articles.DEFAULT : articles;
        retrieval = retrieval == null ? Retrieval.DEFAULT : retrieval;
        answer = answer == null ? AnswerSettings.DEFAULT : answer;
        cache = cache == null ? CacheSettings.DEFAULT : cache;
        admin = admin == null ? Admin.DEFAULT : admin;
        telegram = telegram == null ? Telegram.DEFAULT : telegram;
        watch = watch == null ? Watch.DEFAULT : watch;
        state = state == null ? State.DEFAULT : state;
        sources = sources == null ? Sources.DEFAULT : sources;
        log = log == null ? Log.DEFAULT : log;
        search = search == null ? Search.DEFAULT : search;
        prompts = prompts == null ? null : promptsFolder(prompts);
    }

    /** A configured prompts folder must exist: a typo must not silently serve the bundled prompts. */
    private static String promptsFolder(String prompts) {
        String folder = prompts.strip();
        if (folder.isEmpty()) {
            throw new IllegalArgumentException("prompts must name a folder, was empty");
        }
        if (!Files.isDirectory(Path.of(folder))) {
            throw new IllegalArgumentException("prompts must be a folder of templates; there is no folder "
                    + Path.of(folder).toAbsolutePath().normalize());
        }
        return folder;
    }

    public static NewsbotConfig defaults() {
        return new NewsbotConfig(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The same configuration with the default set's files replaced (from {@code --articles}). */
    public NewsbotConfig withDefaultSetPaths(List<Path> paths) {
        Map<String, List<String>> sets = new TreeMap<>(articles.sets());
        sets.put(articles.defaultSet(), paths.stream().map(Path::toString).toList());
        return new NewsbotConfig(new Articles(sets, articles.defaultSet(), articles.snapshots(),
                articles.snapshotDir()), retrieval, answer, cache, prompts, admin, telegram, watch, state,
                sources, log, search);
    }

    /** The same configuration with other search settings (from {@code --engine}). */
    public NewsbotConfig withSearch(Search other) {
        return new NewsbotConfig(articles, retrieval, answer, cache, prompts, admin, telegram, watch, state, sources, log,
                other);
    }

    /**
     * Article sets.
     *
     * @param sets       set name (one word) → files and directories, at least one; with no set named
     *                   {@code default}, the set {@code default} is the bundled seed article
     * @param defaultSet the set a chat uses until it picks another: a set of {@code sets}, or {@code default}
     *                   (the default)
     * @param snapshots  whether to keep an index snapshot beside each set; default true
     * @param snapshotDir a folder for every set's snapshot ({@code <set>.newsbot-index}) instead of beside the
     *                   set; default none
     */
    public record Articles(@JsonProperty("sets") Map<String, List<String>> sets,
                           @JsonProperty("default") String defaultSet,
                           @JsonProperty("snapshots") Boolean snapshots,
                           @JsonProperty("snapshotDir") String snapshotDir) {
        static final Articles DEFAULT = new Articles(null, null, null, null);

        public Articles {
            sets = sets == null ? Map.of() : copyOf(sets);
            defaultSet = defaultSet == null ? BUNDLED_SET : defaultSet.strip();
            if (defaultSet.isEmpty()) {
                throw new IllegalArgumentException("articles.default must name a set, was empty");
            }
            if (!defaultSet.equals(BUNDLED_SET) && !sets.containsKey(defaultSet)) {
                throw new IllegalArgumentException("articles.default names no set of articles.sets, was \""
                        + defaultSet + "\"" + (sets.isEmpty() ? "" : " (the sets are "
                        + String.join(", ", new TreeMap<>(sets).keySet()) + ")")
                        + "; leave it out for the bundled set \"default\"");
            }
            snapshots = snapshots == null ? Boolean.TRUE : snapshots;
            snapshotDir = snapshotDir == null || snapshotDir.isBlank() ? null : snapshotDir.strip();
        }

        /** The name of the default set when {@code articles.default} is not given. */
        static final String BUNDLED_SET = "default";

        /** Each set a one-word name with at least one file or folder, none blank. */
        private static Map<String, List<String>> copyOf(Map<String, List<String>> sets) {
            Map<String, List<String>> copy = new TreeMap<>();
            sets.forEach((name, paths) -> {
                String key = "articles.sets." + name;
                if (name == null || !name.matches("\\S+")) {
                    throw new IllegalArgumentException("articles.sets has a set named \"" + name
                            + "\"; a set's name is one word");
                }
                if (paths == null || paths.isEmpty()) {
                    throw new IllegalArgumentException(key + " lists no files or folders; list them, such as "
                            + "[/srv/news/, extra.jsonl]");
                }
                for (int i = 0; i < paths.size(); i++) {
                    if (paths.get(i) == null || paths.get(i).isBlank()) {
                        throw new IllegalArgumentException(key + "[" + i + "] must be a file or folder, was empty");
                    }
                }
                copy.put(name, List.copyOf(paths));
            });
            return Collections.unmodifiableMap(copy);
        }
    }

    /**
     * Retrieval.
     *
     * @param embeddingModel   {@code all-minilm-l6-v2-q} (default; reads 128 tokens) or {@code bge-small-en-v1.5-q}
     *                         (reads 512)
     * @param maxPassageTokens token budget of title plus passage; default 110, at most the model's window less
     *                         its two special tokens (126 for MiniLM, 510 for BGE)
     * @param passages         passages given to the answerer; default 12
     */
    public record Retrieval(@JsonProperty("embeddingModel") String embeddingModel,
                            @JsonProperty("maxPassageTokens") Integer maxPassageTokens,
                            @JsonProperty("passages") Integer passages) {
        /** Each model's largest passage budget: its window less [CLS] and [SEP]. */
        private static final Map<String, Integer> MAX_PASSAGE_TOKENS =
                new TreeMap<>(Map.of("all-minilm-l6-v2-q", 126, "bge-small-en-v1.5-q", 510));
        static final Retrieval DEFAULT = new Retrieval(null, null, null);

        public Retrieval {
            embeddingModel = embeddingModel == null ? "all-minilm-l6-v2-q" : embeddingModel.strip();
            if (!MAX_PASSAGE_TOKENS.containsKey(embeddingModel)) {
                throw new IllegalArgumentException("retrieval.embeddingModel must be "
                        + String.join(" or ", MAX_PASSAGE_TOKENS.keySet()) + ", was \"" + embeddingModel + "\"");
            }
            int most = MAX_PASSAGE_TOKENS.get(embeddingModel);
            if (maxPassageTokens != null && maxPassageTokens > most && maxPassageTokens >= 48) {
                throw new IllegalArgumentException("retrieval.maxPassageTokens must be 48 to " + most + " with "
                        + embeddingModel + " (it reads " + (most + 2) + " tokens), was " + maxPassageTokens);
            }
            maxPassageTokens = orDefault(maxPassageTokens, 110, "retrieval.maxPassageTokens", 48, most);
            passages = orDefault(passages, 12, "retrieval.passages", 1, 50);
        }

        /** The models {@code embeddingModel} may name. */
        public static Set<String> embeddingModels() {
            return MAX_PASSAGE_TOKENS.keySet();
        }
    }

    /**
     * Answering.
     *
     * @param mode             {@code extractive} (default) or {@code llm}
     * @param maxSentences     sentences per answer, 1 to 3; default 3
     * @param refusalThreshold probability of answerability below which the bot declines, 0 to 1; default (null)
     *                         the bundled answerability model's own threshold
       * @param llm              the language model for {@code llm} mode
     */
    public record AnswerSettings(@JsonProperty("mode") String mode,
                                 @JsonProperty("maxSentences") Integer maxSentences,
                                 @JsonProperty("refusalThreshold") Double refusalThreshold,
                                 @JsonProperty("llm") Llm llm) {
        /** The offline default: sentences quoted from the articles. */
        public static final String EXTRACTIVE = "extractive";
        /** Answers written by a language model from the retrieved passages, checked before they are sent. */
        public static final String LLM = "llm";
        static final AnswerSettings DEFAULT = new AnswerSettings(null, null, null, null);

        public AnswerSettings {
            mode = mode == null ? EXTRACTIVE : mode;
            if (!List.of(EXTRACTIVE, LLM).contains(mode)) {
                throw new IllegalArgumentException("answer.mode must be extractive or llm, was \"" + mode + "\"");
            }
            maxSentences = orDefault(maxSentences, 3, "answer.maxSentences", 1, 3);
            if (refusalThreshold != null && !(refusalThreshold >= 0 && refusalThreshold <= 1)) {
                throw new IllegalArgumentException("answer.refusalThreshold must be 0 to 1, was " + refusalThreshold);
            }
            llm = llm == null ? Llm.DEFAULT : llm;
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
            if (!(temperature >= 0 && temperature <= 2)) {
                throw new IllegalArgumentException("answer.llm.temperature must be 0 to 2, was " + temperature);
            }
        }

        private static String defaultBaseUrl(String provider) {
            return provider.equals("ollama") ? "http://localhost:11434/v1" : "https://api.openai.com/v1";
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

    /**
     * Who may administer the bot, and where the admin HTTP server listens. Its token is read only from
     * {@code NEWSBOT_ADMIN_TOKEN}; without it the server does not start.
     *
     * @param userIds              Telegram user ids allowed /reload, /status and /why; default none
     * @param addr                 host:port of the admin HTTP server; default {@code 127.0.0.1:8081}
     * @param groupAdminTtlSeconds how long a group's answer to "is this user an administrator" is reused, 1 to
     *                             3600; default 60
     */
    public record Admin(@JsonProperty("userIds") List<Long> userIds,
                        @JsonProperty("addr") String addr,
                        @JsonProperty("groupAdminTtlSeconds") Integer groupAdminTtlSeconds) {
        static final Admin DEFAULT = new Admin(null, null, null);

        public Admin {
            userIds = userIds == null ? List.of() : List.copyOf(userIds);
            addr = addr == null ? "127.0.0.1:8081" : addr.strip();
            HostPort.parse(addr, "admin.addr");
            groupAdminTtlSeconds = orDefault(groupAdminTtlSeconds, 60, "admin.groupAdminTtlSeconds", 1, 3600);
        }

        /** The admin server's host. */
        public String host() {
            return HostPort.parse(addr, "admin.addr").host();
        }

        /** The admin server's port; 0 picks a free one. */
        public int port() {
            return HostPort.parse(addr, "admin.addr").port();
        }
    }

    /**
     * Telegram front-end settings that are not secrets (the bot token and webhook secret come from
     * {@code TELEGRAM_BOT_TOKEN} and {@code TELEGRAM_WEBHOOK_SECRET}).
     *
     * @param apiUrl     the Bot API's base URL, scheme, host and optional port; default
     *                   {@code https://api.telegram.org} ({@code TELEGRAM_API_URL} is a short name of its variable)
     * @param workers    questions answered at once (different chats run concurrently), 1 to 256; default 4
     * @param rateLimits token buckets per chat and per user
     * @param webhook    receive updates by webhook instead of long polling
     */
    public record Telegram(@JsonProperty("apiUrl") String apiUrl,
                           @JsonProperty("workers") Integer workers,
                           @JsonProperty("rateLimits") RateLimits rateLimits,
                           @JsonProperty("webhook") Webhook webhook) {
        static final Telegram DEFAULT = new Telegram(null, null, null, null);

        public Telegram {
            apiUrl = apiUrl == null || apiUrl.isBlank() ? "https://api.telegram.org" : apiUrl.strip();
            if (!apiUrl.matches("https?://[^/\\s?#]+/?")) {
                throw new IllegalArgumentException("telegram.apiUrl must be http(s)://host[:port] with no path, was \""
                        + apiUrl + "\"");
            }
            workers = orDefault(workers, 4, "telegram.workers", 1, 256);
            rateLimits = rateLimits == null ? RateLimits.DEFAULT : rateLimits;
            webhook = webhook == null ? Webhook.DEFAULT : webhook;
        }
    }

    /**
     * Rate limits: at most {@code capacity} questions in a burst, refilled at {@code capacity} per
     * {@code periodSeconds}.
     *
     * @param perChat per chat; default 20 per 60 s
     * @param perUser per user; default 8 per 60 s
     */
    public record RateLimits(@JsonProperty("perChat") RateLimit perChat,
                             @JsonProperty("perUser") RateLimit perUser) {
        static final RateLimits DEFAULT = new RateLimits(null, null);

        public RateLimits {
            perChat = RateLimit.resolve(perChat, 20, 60, "telegram.rateLimits.perChat");
            perUser = RateLimit.resolve(perUser, 8, 60, "telegram.rateLimits.perUser");
        }
    }

    /**
     * One token bucket.
     *
     * @param capacity      questions in a burst, 1 to 10000
     * @param periodSeconds seconds to refill the whole capacity, 1 to 86400
     */
    public record RateLimit(@JsonProperty("capacity") Integer capacity,
                            @JsonProperty("periodSeconds") Integer periodSeconds) {

        static RateLimit resolve(RateLimit given, int capacity, int period, String key) {
            RateLimit r = given == null ? new RateLimit(null, null) : given;
            return new RateLimit(orDefault(r.capacity, capacity, key + ".capacity", 1, 10_000),
                    orDefault(r.periodSeconds, period, key + ".periodSeconds", 1, 86_400));
        }
    }

    /**
     * The webhook receiver. A TLS proxy in front is expected to forward {@code publicUrl} to
     * {@code http://host:port/path}.
     *
     * @param enabled   use a webhook instead of long polling; default false
     * @param host      local address to bind; default {@code 127.0.0.1}
     * @param port      local port, 0 to 65535; default 8443
     * @param publicUrl the https URL Telegram posts to; required when enabled
     */
    public record Webhook(@JsonProperty("enabled") Boolean enabled,
                          @JsonProperty("host") String host,
                          @JsonProperty("port") Integer port,
                          @JsonProperty("publicUrl") String publicUrl) {
        static final Webhook DEFAULT = new Webhook(null, null, null, null);

        public Webhook {
            enabled = enabled != null && enabled;
            host = host == null || host.isBlank() ? "127.0.0.1" : host.strip();
            port = orDefault(port, 8443, "telegram.webhook.port", 0, 65_535);
            publicUrl = publicUrl == null || publicUrl.isBlank() ? null : publicUrl.strip();
            if (enabled && (publicUrl == null || !publicUrl.startsWith("https://"))) {
                throw new IllegalArgumentException("telegram.webhook.publicUrl must be an https URL when the "
                        + "webhook is enabled, was " + (publicUrl == null ? "not set" : "\"" + publicUrl + "\""));
            }
        }
    }

    /**
     * Watching article folders: a change reloads the set after the files have been quiet for
     * {@code debounceMillis}.
     *
     * @param enabled        default false
     * @param debounceMillis 50 to 600000; default 1000
     */
    public record Watch(@JsonProperty("enabled") Boolean enabled,
                        @JsonProperty("debounceMillis") Integer debounceMillis) {
        static final Watch DEFAULT = new Watch(null, null);

        public Watch {
            enabled = enabled != null && enabled;
            debounceMillis = orDefault(debounceMillis, 1000, "watch.debounceMillis", 50, 600_000);
        }
    }

    /**
     * How log lines are written.
     *
     * @param format {@code text} (default) or {@code json}, one JSON object per line through logback's JSON encoder;
     *               the variable {@code NEWSBOT_LOG_FORMAT} overrides it and also applies before the file is read
     */
    public record Log(@JsonProperty("format") String format) {
        static final Log DEFAULT = new Log(null);

        public Log {
            format = format == null || format.isBlank() ? "text" : format.strip();
            if (!format.equals("text") && !format.equals("json")) {
                throw new IllegalArgumentException("log.format must be text or json, was " + format);
            }
        }
    }

    /**
     * Small state kept across restarts (the set each chat uses), and the state a fleet of replicas shares.
     *
     * @param file              a JSON file; default {@code state.json} in the application home ({@code NEWSBOT_HOME})
     * @param redis             {@code redis://host:port} (or {@code rediss://}): replicas share their state in this
     *                          Redis (set choices, rate limits, the update stream, {@code /why}, feedback, the polling
     *                          lease, reloads); default none (everything in this process and its files)
     * @param redisPrefix       the prefix of every Redis key and channel; default {@code newsbot}
     * @param replica           this replica's name in {@code /status} and in the stream's consumer group; default the
     *                          host name (a random suffix keeps restarts apart)
     * @param claimTimeoutMillis how long a dead replica's updates and leases wait before another takes them over;
     *                          500 to 600000; default 5000
     */
    public record State(@JsonProperty("file") String file, @JsonProperty("redis") String redis,
                        @JsonProperty("redisPrefix") String redisPrefix, @JsonProperty("replica") String replica,
                        @JsonProperty("claimTimeoutMillis") Integer claimTimeoutMillis) {
        static final State DEFAULT = new State(null, null, null, null, null);

        public State {
            file = file == null || file.isBlank() ? null : file.strip();
            redis = redis == null || redis.isBlank() ? null : redis.strip();
            if (redis != null && !redis.startsWith("redis://") && !redis.startsWith("rediss://")) {
                throw new IllegalArgumentException("state.redis must look like redis://host:port, was " + redis);
            }
            redisPrefix = redisPrefix == null || redisPrefix.isBlank() ? "newsbot" : redisPrefix.strip();
            replica = replica == null || replica.isBlank() ? null : replica.strip();
            claimTimeoutMillis = claimTimeoutMillis == null ? 5000 : claimTimeoutMillis;
            if (claimTimeoutMillis < 500 || claimTimeoutMillis > 600_000) {
                throw new IllegalArgumentException("state.claimTimeoutMillis must be 500 to 600000, was "
                        + claimTimeoutMillis);
            }
        }
    }

    /**
     * Feed and web sources: the {@code http(s)} URLs of RSS or Atom feeds listed in {@code articles.sets}.
     *
     * @param refresh      how often each set with a feed is fetched again, such as {@code 15m} or {@code 1h}
     *                     (each wait jittered by up to a tenth); at least {@code 1m}; default none (fetched at
     *                     start and on {@code /admin/reload} only)
     * @param keepDays     items older than this many days (by publication date, else by when first seen) are
     *                     dropped; 1 to 3650; default 30
     * @param userAgent    the {@code User-Agent} of every request, also the name looked up in {@code robots.txt};
     *                     default {@code newsbot/0.1 (+https://github.com/newsbot)}
     * @param allowHosts   hosts besides those of the listed feeds that linked pages may be fetched from, such as
     *                     {@code www.example.org}; nothing is fetched from any other host
     * @param maxBytes     the largest response read, 1 KB to 64 MB; default 5 MB
     * @param timeoutSeconds the longest one request may take, headers and body, 1 to 300; default 20
     */
    public record Sources(@JsonProperty("refresh") String refresh,
                          @JsonProperty("keepDays") Integer keepDays,
                          @JsonProperty("userAgent") String userAgent,
                          @JsonProperty("allowHosts") List<String> allowHosts,
                          @JsonProperty("maxBytes") Integer maxBytes,
                          @JsonProperty("timeoutSeconds") Integer timeoutSeconds) {
        static final Sources DEFAULT = new Sources(null, null, null, null, null, null);

        public Sources {
            refresh = refresh == null || refresh.isBlank() ? null : refresh.strip();
            if (refresh != null && refreshInterval(refresh).compareTo(java.time.Duration.ofMinutes(1)) < 0) {
                throw new IllegalArgumentException("sources.refresh must be at least 1m, was \"" + refresh + "\"");
            }
            keepDays = orDefault(keepDays, 30, "sources.keepDays", 1, 3650);
            userAgent = userAgent == null || userAgent.isBlank() ? "newsbot/0.1 (+https://github.com/newsbot)"
                    : userAgent.strip();
            allowHosts = allowHosts == null ? List.of() : allowHosts.stream().map(h -> {
                if (h == null || !h.strip().matches("[A-Za-z0-9.-]+(:[0-9]+)?")) {
                    throw new IllegalArgumentException("sources.allowHosts must list host names such as "
                            + "www.example.org, was \"" + h + "\"");
                }
                return h.strip().toLowerCase(java.util.Locale.ROOT);
            }).toList();
            maxBytes = orDefault(maxBytes, 5_000_000, "sources.maxBytes", 1024, 64_000_000);
            timeoutSeconds = orDefault(timeoutSeconds, 20, "sources.timeoutSeconds", 1, 300);
        }

        /** The refresh interval, or empty when feeds are not refreshed on a schedule. */
        public java.util.Optional<java.time.Duration> refreshEvery() {
            return refresh == null ? java.util.Optional.empty() : java.util.Optional.of(refreshInterval(refresh));
        }

        private static java.time.Duration refreshInterval(String text) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,6})([smhd])").matcher(text);
            if (!m.matches()) {
                throw new IllegalArgumentException("sources.refresh must be a number and a unit (s, m, h or d), "
                        + "such as 15m, was \"" + text + "\"");
            }
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "s" -> java.time.Duration.ofSeconds(n);
                case "m" -> java.time.Duration.ofMinutes(n);
                case "h" -> java.time.Duration.ofHours(n);
                default -> java.time.Duration.ofDays(n);
            };
        }
    }

    /**
     * Where passages are searched.
     *
     * @param engine     {@code lucene} (default: an embedded index per set version, on disk beside the set) or
     *                   {@code opensearch} (each set version an index of an OpenSearch cluster, for archive scale)
     * @param opensearch the cluster, for {@code engine: opensearch}
     */
    public record Search(@JsonProperty("engine") String engine, @JsonProperty("opensearch") OpenSearch opensearch) {
        static final Search DEFAULT = new Search(null, null);
        public static final String LUCENE = "lucene";
        public static final String OPENSEARCH = "opensearch";

        public Search {
            engine = engine == null || engine.isBlank() ? LUCENE : engine.strip();
            if (!engine.equals(LUCENE) && !engine.equals(OPENSEARCH)) {
                throw new IllegalArgumentException("search.engine must be lucene or opensearch, was \"" + engine
                        + "\"");
            }
            opensearch = opensearch == null ? OpenSearch.DEFAULT : opensearch;
        }

        /** The same settings with another engine (from {@code --engine}). */
        public Search withEngine(String name) {
            return new Search(name, opensearch);
        }
    }

    /**
     * An OpenSearch cluster. Its user name and password come only from the environment
     * ({@code NEWSBOT_OPENSEARCH_USERNAME}, {@code NEWSBOT_OPENSEARCH_PASSWORD}).
     *
     * @param hosts         the nodes' {@code http(s)://host:port} addresses; default {@code http://127.0.0.1:9200}
     * @param indexPrefix   in front of every index and alias name (lower case); default {@code newsbot-}
     * @param shards        primary shards of each set version's index, 1 to 1024; default 1
     * @param replicas      replicas of each shard, 0 to 16; default 0
     * @param timeoutMillis how long one request may take before search counts as unavailable, 100 to 600000;
     *                      default 5000
     */
    public record OpenSearch(@JsonProperty("hosts") List<String> hosts,
                             @JsonProperty("indexPrefix") String indexPrefix,
                             @JsonProperty("shards") Integer shards,
                             @JsonProperty("replicas") Integer replicas,
                             @JsonProperty("timeoutMillis") Integer timeoutMillis) {
        static final OpenSearch DEFAULT = new OpenSearch(null, null, null, null, null);

        public OpenSearch {
            hosts = hosts == null ? List.of("http://127.0.0.1:9200") : List.copyOf(hosts);
            if (hosts.isEmpty()) {
                throw new IllegalArgumentException("search.opensearch.hosts must name at least one node");
            }
            for (String host : hosts) {
                if (host == null || !host.strip().matches("https?://[^/\\s:]+(:\\d+)?/?")) {
                    throw new IllegalArgumentException("search.opensearch.hosts: \"" + host
                            + "\" is not an http(s)://host:port address");
                }
            }
            indexPrefix = indexPrefix == null ? "newsbot-" : indexPrefix.strip();
            if (!indexPrefix.matches("[a-z0-9][a-z0-9_.-]*")) {
                throw new IllegalArgumentException("search.opensearch.indexPrefix must be lower-case letters, digits,"
                        + " '_', '.' or '-', not starting with a sign, was \"" + indexPrefix + "\"");
            }
            shards = orDefault(shards, 1, "search.opensearch.shards", 1, 1024);
            replicas = orDefault(replicas, 0, "search.opensearch.replicas", 0, 16);
            timeoutMillis = orDefault(timeoutMillis, 5000, "search.opensearch.timeoutMillis", 100, 600_000);
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
