package dev.newsbot.search.baseline;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.content.retriever.EmbeddingStoreContentRetriever;
import dev.langchain4j.rag.query.Query;
import dev.langchain4j.store.embedding.filter.Filter;
import dev.langchain4j.store.embedding.filter.MetadataFilterBuilder;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import dev.newsbot.index.PassageStore;
import dev.newsbot.search.HybridRetriever;
import dev.newsbot.search.RetrievalQuery;
import dev.newsbot.search.RetrievedPassage;
import dev.newsbot.search.Retriever;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The plain LangChain4j default, for comparison only: {@link EmbeddingStoreContentRetriever} over an
 * {@link InMemoryEmbeddingStore} holding the same passages and vectors, with the same model, no keyword search and
 * no news priors. As {@link Retriever} promises, it returns at most the query's limit and never an article published
 * after the query's date (LangChain4j's metadata filter; undated articles pass, as in {@link HybridRetriever}).
 * Evaluations run it beside {@link HybridRetriever} so every gain is measured.
 */
public final class LangChainBaselineRetriever implements Retriever {

    private static final String ROW = "row";
    private static final String DAY = "day";
    private static final long UNDATED = Long.MIN_VALUE;

    private final EmbeddingModel model;
    private final Map<PassageStore, InMemoryEmbeddingStore<TextSegment>> stores = new ConcurrentHashMap<>();

    public LangChainBaselineRetriever(EmbeddingModel model) {
        this.model = model;
    }

    @Override
    public List<RetrievedPassage> retrieve(PassageStore store, RetrievalQuery query) {
        ContentRetriever retriever = retriever(stores.computeIfAbsent(store, LangChainBaselineRetriever::build), query);
        List<RetrievedPassage> result = new ArrayList<>();
        for (Content content : retriever.retrieve(Query.from(query.text()))) {
            int row = content.textSegment().metadata().getInteger(ROW);
            double score = ((Number) content.metadata().getOrDefault(
                    dev.langchain4j.rag.content.ContentMetadata.SCORE, 0.0)).doubleValue();
            result.add(new RetrievedPassage(row, store.passage(row), store.article(row), score,
                    store.similarity(query.vector(), row), 0, result.size() + 1));
        }
        return result;
    }

    private ContentRetriever retriever(InMemoryEmbeddingStore<TextSegment> embeddings, RetrievalQuery query) {
        var builder = EmbeddingStoreContentRetriever.builder().embeddingStore(embeddings).embeddingModel(model)
                .maxResults(query.limit());
        if (query.notAfter() != null) {
            Filter notAfter = MetadataFilterBuilder.metadataKey(DAY).isLessThanOrEqualTo(query.notAfter().toEpochDay());
            builder.filter(notAfter);
        }
        return builder.build();
    }

    private static InMemoryEmbeddingStore<TextSegment> build(PassageStore store) {
        InMemoryEmbeddingStore<TextSegment> embeddings = new InMemoryEmbeddingStore<>();
        List<Embedding> vectors = new ArrayList<>(store.size());
        List<TextSegment> segments = new ArrayList<>(store.size());
        for (int row = 0; row < store.size(); row++) {
            TextSegment segment = TextSegment.from(store.passage(row).embeddingText(store.article(row).title()));
            segment.metadata().put(ROW, row);
            segment.metadata().put(DAY, store.article(row).publishedDate().map(LocalDate::toEpochDay).orElse(UNDATED));
            segments.add(segment);
            vectors.add(Embedding.from(store.vector(row)));
        }
        embeddings.addAll(vectors, segments);
        return embeddings;
    }
}
