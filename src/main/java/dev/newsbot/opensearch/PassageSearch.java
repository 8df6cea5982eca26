package dev.newsbot.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.filter.Filter;
import dev.langchain4j.store.embedding.filter.MetadataFilterBuilder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Dense and BM25 search of a set's served version, by its alias. Dense search goes through LangChain4j's {@link
 * dev.langchain4j.store.embedding.EmbeddingStore} ({@link OpenSearchEmbeddingStore}); keyword search sends the
 * question's analysed terms as the in-process index does: each term scored in {@code match_text}, and in the
 * outlet name at {@code outletBoost}. Both keep undated articles when filtering by date. Thread-safe.
 */
public final class PassageSearch {

    private final OpenSearchCluster cluster;
    private final String alias;
    private final OpenSearchEmbeddingStore store;
    private final float outletBoost;

    public PassageSearch(OpenSearchCluster cluster, String alias, int efSearch, float outletBoost) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.alias = Objects.requireNonNull(alias, "alias");
        this.store = new OpenSearchEmbeddingStore(cluster, alias, efSearch);
        this.outletBoost = outletBoost;
    }

    /** The {@code k} passages most similar to the unit vector, best first, with their cosine similarity. */
    public List<PassageHit> dense(float[] vector, int k, LocalDate notAfter) {
        EmbeddingSearchRequest.EmbeddingSearchRequestBuilder request = EmbeddingSearchRequest.builder()
                .queryEmbedding(Embedding.from(vector)).maxResults(k).minScore(0.0);
        if (notAfter != null) {
            request.filter(notAfter(notAfter));
        }
        List<PassageHit> hits = new ArrayList<>(k);
        for (EmbeddingMatch<TextSegment> match : store.search(request.build()).matches()) {
            Integer row = match.embedded().metadata().getInteger(IndexSchema.ROW);
            hits.add(new PassageHit(row, (float) (2 * match.score() - 1)));
        }
        return hits;
    }

    /** The {@code k} best passages for already analysed {@code terms} by BM25, best first. */
    public List<PassageHit> keyword(Collection<String> terms, int k, LocalDate notAfter) {
        if (terms.isEmpty()) {
            return List.of();
        }
        ObjectNode body = cluster.mapper().createObjectNode().put("size", k);
        body.putArray("_source").add(IndexSchema.ROW);
        ObjectNode bool = body.putObject("query").putObject("bool");
        ObjectNode text = bool.putArray("must").addObject().putObject("bool");
        ArrayNode should = text.putArray("should");
        for (String term : terms) {
            should.addObject().putObject("term").putObject(IndexSchema.MATCH_TEXT).put("value", term);
            should.addObject().putObject("term").putObject(IndexSchema.OUTLET).put("value", term)
                    .put("boost", outletBoost);
        }
        if (notAfter != null) {
            bool.putArray("filter").addObject().putObject("range").putObject(IndexSchema.DAY)
                    .put("lte", notAfter.toEpochDay());
        }
        List<PassageHit> hits = new ArrayList<>(k);
        for (JsonNode hit : cluster.send("POST", "/" + alias + "/_search", body).path("hits").path("hits")) {
            hits.add(new PassageHit(hit.path("_source").path(IndexSchema.ROW).asInt(),
                    (float) hit.path("_score").asDouble()));
        }
        return hits;
    }

    /** Published on or before the day, or undated (stored at {@link IndexSchema#UNDATED}). */
    private static Filter notAfter(LocalDate day) {
        return MetadataFilterBuilder.metadataKey(IndexSchema.DAY).isLessThanOrEqualTo(day.toEpochDay());
    }
}
