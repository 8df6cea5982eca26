package dev.newsbot.answer.llm;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.newsbot.answer.AnswerSentence;
import dev.newsbot.answer.Answerer;
import dev.newsbot.answer.Citation;
import dev.newsbot.answer.Draft;
import dev.newsbot.answer.Question;
import dev.newsbot.articles.Article;
import dev.newsbot.config.NewsbotConfig;
import dev.newsbot.index.PassageStore;
import dev.newsbot.index.TextAnalyzer;
import dev.newsbot.index.embedding.Embedder;
import dev.newsbot.search.RetrievedPassage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes answers with a language model, under the extractive answerer's guarantee: every sentence is supported
 * by the passage it cites.
 *
 * <p>The model gets the question and the retrieved passages, fenced as data (see {@link LlmPrompts}). Its reply is
 * split into sentences with their {@code [n]} markers, and each sentence is checked against the passages it cites
 * ({@link CitationVerifier}): citations of passages never given, unsupported citations and sentences, and
 * sentences with a number or name their passage lacks are dropped. The surviving citations are renumbered from 1
 * in order of first use, one per article, each quoting the cited passages. Draft mode is {@code llm}.
 *
 * <p>When the model times out, fails (5xx, 429, any other error), returns malformed or empty output, or too little
 * of its answer survives verification, the answer is the extractive one, in mode {@code llm-fallback}, and the
 * fallback is counted in {@code newsbot_llm_fallbacks_total{reason}}. The whole call, verification included,
 * returns within the configured timeout. The API key is never logged. Thread-safe.
 */
public final class LlmAnswerer implements Answerer {

    public static final String MODE = "llm";
    public static final String FALLBACK_MODE = "llm-fallback";
    /** Micrometer name of the fallback counter; Prometheus shows it as {@code newsbot_llm_fallbacks_total}. */
    public static final String FALLBACKS = "newsbot.llm.fallbacks";
    /** Below this share of the model's sentences surviving verification, the answer falls back. */
    static final double MIN_KEPT_SHARE = 0.5;

    private static final Logger log = LoggerFactory.getLogger(LlmAnswerer.class);
    private static final String QUOTE_JOINER = " … ";

    private final ChatModel model;
    private final LlmPrompts prompts;
    private final ReplyParser parser = new ReplyParser();
    private final CitationVerifier verifier;
    private final Answerer fallback;
    private final Duration timeout;
    private final int maxSentences;
    private final ExecutorService executor;
    private final MeterRegistry meters;
    private final String secret;

    LlmAnswerer(ChatModel model, LlmPrompts prompts, CitationVerifier verifier, Answerer fallback, Duration timeout,
                int maxSentences, ExecutorService executor, MeterRegistry meters, String secret) {
        this.model = Objects.requireNonNull(model, "model");
        this.prompts = Objects.requireNonNull(prompts, "prompts");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.maxSentences = maxSentences;
        this.executor = Objects.requireNonNull(executor, "executor");
        this.meters = Objects.requireNonNull(meters, "meters");
        this.secret = secret == null || secret.isBlank() ? null : secret;
    }

    /**
     * An answerer talking to an OpenAI-compatible chat-completions server (OpenAI, Ollama at {@code /v1}, vLLM,
     * llama.cpp, ...), with the client's own retries off and its HTTP timeout set to the answer's timeout.
     *
     * @param settings     the {@code answer.llm} configuration; its model must be set
     * @param apiKey       from {@code NEWSBOT_LLM_API_KEY}; may be null for servers that need none
     * @param embedder     the model that embedded the store's passages
     * @param fallback     answers when the model fails; the extractive answerer
     * @param maxSentences at most this many sentences per answer
     * @param executor     runs model calls, so that a slow one can be abandoned; not the embedding pool
     * @param meters       where the fallback counter is registered
     * @throws IllegalArgumentException naming the configuration key when the model is not set, or the API key
     *                                  when OpenAI's own server is configured without one
     */
    public static LlmAnswerer create(NewsbotConfig.Llm settings, String apiKey, LlmPrompts prompts, Embedder embedder,
                                     TextAnalyzer analyzer, Answerer fallback, int maxSentences,
                                     ExecutorService executor, MeterRegistry meters) {
        Duration timeout = Duration.ofSeconds(settings.timeoutSeconds());
        return new LlmAnswerer(chatModel(settings, apiKey, timeout), prompts, new CitationVerifier(analyzer, embedder),
                fallback, timeout, maxSentences, executor, meters, apiKey);
    }

    static ChatModel chatModel(NewsbotConfig.Llm settings, String apiKey, Duration timeout) {
        if (settings.model() == null) {
            throw new IllegalArgumentException("answer.llm.model must be set when answer.mode is llm "
                    + "(in the config file or NEWSBOT_LLM_MODEL)");
        }
        boolean keyless = apiKey == null || apiKey.isBlank();
        if (keyless && settings.baseUrl().contains("api.openai.com")) {
            throw new IllegalArgumentException("NEWSBOT_LLM_API_KEY must be set to use " + settings.baseUrl());
        }
        return OpenAiChatModel.builder()
                .baseUrl(settings.baseUrl())
                .apiKey(keyless ? "none" : apiKey.strip())
                .modelName(settings.model())
                .timeout(timeout)
                .maxRetries(0)
                .maxTokens(settings.maxOutputTokens())
                .temperature(settings.temperature())
                .logRequests(false)
                .logResponses(false)
                .build();
    }

    /** {@code llm:} and the prompt files' hash: answers change when an operator edits a prompt. */
    @Override
    public String variant() {
        return MODE + ":" + prompts.hash();
    }

    @Override
    public Draft write(Question question, PassageStore store, List<RetrievedPassage> passages) {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (passages.isEmpty()) {
            return Draft.refusal(0, MODE);
        }
        Future<Attempt> attempt;
        try {
            attempt = executor.submit(() -> attempt(question, store, passages));
        } catch (RejectedExecutionException e) {
            return fallBack(fallback.write(question, store, passages), "error", "model executor is shut down");
        }
        Draft extractive = fallback.write(question, store, passages);
        try {
            Attempt done = attempt.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return done.failure() == null ? done.draft(extractive.confidence())
                    : fallBack(extractive, done.failure(), done.detail());
        } catch (TimeoutException e) {
            attempt.cancel(true);
            return fallBack(extractive, "timeout", "no verified answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            return fallBack(extractive, reason(e.getCause()), describe(e.getCause()));
        } catch (InterruptedException e) {
            attempt.cancel(true);
            Thread.currentThread().interrupt();
            return fallBack(extractive, "interrupted", "interrupted while waiting for the model");
        }
    }

    private Attempt attempt(Question question, PassageStore store, List<RetrievedPassage> passages) {
        ChatResponse response = model.chat(ChatRequest.builder()
                .messages(SystemMessage.from(prompts.system(maxSentences)),
                        UserMessage.from(prompts.answer(question, passages)))
                .build());
        String text = response == null || response.aiMessage() == null ? null : response.aiMessage().text();
        if (text == null || text.isBlank()) {
            return Attempt.failed("empty", "the model returned no text");
        }
        ModelReply reply = parser.parse(text);
        if (reply.refused()) {
            return new Attempt(List.of(), List.of(), null, null);
        }
        if (reply.sentences().isEmpty()) {
            return Attempt.failed("malformed", "no sentences in the model's reply");
        }
        return verified(verifier.verify(reply.sentences(), passages, store), passages);
    }

    private Attempt verified(List<CitationVerifier.Checked> checked, List<RetrievedPassage> passages) {
        List<CitationVerifier.Checked> kept = checked.stream().filter(CitationVerifier.Checked::isKept).toList();
        checked.stream().filter(c -> !c.isKept()).forEach(c ->
                log.debug("Dropped a written sentence ({}): {}", c.dropped(), redact(c.sentence().text())));
        if (kept.isEmpty() || kept.size() < MIN_KEPT_SHARE * checked.size()) {
            return Attempt.failed("unsupported", kept.size() + " of " + checked.size()
                    + " written sentences are supported by their citations");
        }
        return cite(kept.subList(0, Math.min(maxSentences, kept.size())), passages);
    }

    /** Renumbers the kept citations from 1 in order of first use, one number per article. */
    private static Attempt cite(List<CitationVerifier.Checked> kept, List<RetrievedPassage> passages) {
        Map<String, Integer> numberOf = new LinkedHashMap<>();
        Map<String, Article> articles = new LinkedHashMap<>();
        Map<String, Set<String>> quotes = new LinkedHashMap<>();
        List<AnswerSentence> sentences = new ArrayList<>();
        for (CitationVerifier.Checked c : kept) {
            Set<Integer> sources = new LinkedHashSet<>();
            for (int given : c.kept()) {
                RetrievedPassage p = passages.get(given - 1);
                String id = p.article().id();
                sources.add(numberOf.computeIfAbsent(id, k -> numberOf.size() + 1));
                articles.putIfAbsent(id, p.article());
                quotes.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(p.passage().text());
            }
            sentences.add(new AnswerSentence(c.sentence().text(), List.copyOf(sources)));
        }
        List<Citation> citations = new ArrayList<>();
        numberOf.forEach((id, n) -> citations.add(new Citation(n, articles.get(id),
                String.join(QUOTE_JOINER, quotes.get(id)))));
        return new Attempt(sentences, citations, null, null);
    }

    private Draft fallBack(Draft extractive, String reason, String detail) {
        Counter.builder(FALLBACKS)
                .description("Answers the language model did not write, answered extractively instead")
                .tag("reason", reason)
                .register(meters)
                .increment();
        log.warn("LLM answer fell back to the extractive answer ({}): {}", reason, redact(detail));
        return new Draft(extractive.sentences(), extractive.citations(), extractive.confidence(), FALLBACK_MODE);
    }

    /** The fallback reason for a failed call, as the counter's {@code reason} tag. */
    static String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RateLimitException) {
                return "rate_limited";
            }
            if (t instanceof InternalServerException) {
                return "server_error";
            }
            if (t instanceof HttpException http) {
                return http.statusCode() == 429 ? "rate_limited" : http.statusCode() >= 500 ? "server_error"
                        : "client_error";
            }
            if (t instanceof dev.langchain4j.exception.TimeoutException || t instanceof HttpTimeoutException
                    || t instanceof java.net.SocketTimeoutException) {
                return "timeout";
            }
            if (t instanceof com.fasterxml.jackson.core.JacksonException) {
                return "malformed";
            }
        }
        return "error";
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** The text with the API key blanked out, and any bearer token too. */
    String redact(String text) {
        String out = secret == null ? text : text.replace(secret, "[redacted]");
        return out.replaceAll("(?i)(bearer\\s+)\\S+", "$1[redacted]");
    }

    /**
     * The outcome of one model call.
     *
     * @param failure the fallback reason, or null when the model answered or declined
     */
    private record Attempt(List<AnswerSentence> sentences, List<Citation> citations, String failure, String detail) {

        static Attempt failed(String failure, String detail) {
            return new Attempt(List.of(), List.of(), failure, detail);
        }

        Draft draft(double confidence) {
            return new Draft(sentences, citations, confidence, MODE);
        }
    }
}
