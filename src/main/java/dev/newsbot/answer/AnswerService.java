package dev.newsbot.answer;

import dev.newsbot.index.PassageStore;
import dev.newsbot.index.SetRegistry;
import dev.newsbot.index.embedding.Embedder;
import dev.newsbot.search.RetrievalQuery;
import dev.newsbot.search.RetrievedPassage;
import dev.newsbot.search.Retriever;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The answer path every front end uses: embed the question, retrieve passages by hybrid search, and let the
 * {@link Answerer} write a cited answer or decline with the refusal text, which names the set searched.
 */
public final class AnswerService implements AnswerEngine {

    private final SetRegistry sets;
    private final Embedder queryEmbedder;
    private final Retriever retriever;
    private final Answerer answerer;
    private final RefusalTexts refusals;
    private final int passages;
    private final StageTracer tracer;

    /**
     * @param queryEmbedder embeds questions (may be a caching one)
     * @param passages      how many passages retrieval gives the answerer
     */
    public AnswerService(SetRegistry sets, Embedder queryEmbedder, Retriever retriever, Answerer answerer,
                         RefusalTexts refusals, int passages) {
        this(sets, queryEmbedder, retriever, answerer, refusals, passages, StageTracer.NONE);
    }

    /** @param tracer receives one trace per question with its embed, retrieve and answer stages */
    public AnswerService(SetRegistry sets, Embedder queryEmbedder, Retriever retriever, Answerer answerer,
                         RefusalTexts refusals, int passages, StageTracer tracer) {
        this.tracer = Objects.requireNonNull(tracer, "tracer");
        this.sets = Objects.requireNonNull(sets, "sets");
        this.queryEmbedder = Objects.requireNonNull(queryEmbedder, "queryEmbedder");
        this.retriever = Objects.requireNonNull(retriever, "retriever");
        this.answerer = Objects.requireNonNull(answerer, "answerer");
        this.refusals = Objects.requireNonNull(refusals, "refusals");
        if (passages < 1) {
            throw new IllegalArgumentException("passages must be at least 1, was " + passages);
        }
        this.passages = passages;
    }

    @Override
    public Answer answer(Question question) {
        try (StageTracer.Trace trace = tracer.question(question.setName())) {
            return answer(question, trace);
        }
    }

    private Answer answer(Question question, StageTracer.Trace trace) {
        PassageStore store = sets.get(question.setName());
        Map<String, Double> timings = new LinkedHashMap<>();
        long start = System.nanoTime();
        float[] vector;
        try (StageTracer.Stage ignored = trace.stage("embed")) {
            vector = queryEmbedder.embed(question.searchText());
        }
        long embedded = lap(timings, "embed", start);
        RetrievalQuery query = new RetrievalQuery(question.searchText(), vector, question.askedOn(), passages);
        List<RetrievedPassage> retrieved;
        try (StageTracer.Stage ignored = trace.stage("retrieve")) {
            retrieved = retriever.retrieve(store, query);
        }
        long retrievedAt = lap(timings, "retrieve", embedded);
        Draft draft;
        try (StageTracer.Stage ignored = trace.stage("answer")) {
            draft = answerer.write(question, store, retrieved);
        }
        lap(timings, "answer", retrievedAt);
        SetInfo set = setInfo(store);
        String refusalText = draft.refused() ? refusals.render(draft.why(), store) : null;
        return new Answer(question, draft.sentences(), draft.citations(), draft.refused(), refusalText, set,
                draft.mode(), retrieved, timings, false, draft.confidence(), draft.evidence());
    }

    @Override
    public String versionOf(String setName) {
        return sets.get(setName).articleSet().version();
    }

    @Override
    public String variant() {
        return answerer.variant();
    }

    private static long lap(Map<String, Double> timings, String stage, long since) {
        long now = System.nanoTime();
        timings.put(stage, (now - since) / 1e6);
        return now;
    }

    private static SetInfo setInfo(PassageStore store) {
        return new SetInfo(store.articleSet().name(), store.articleSet().version(),
                store.articleSet().articles().size(), store.size());
    }

}
