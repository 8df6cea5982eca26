package dev.newsbot.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.EmbeddingSearchResult;
import dev.langchain4j.store.embedding.EmbeddingStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * LangChain4j's {@link EmbeddingStore} over one index or alias of a cluster: vectors in the {@code knn_vector} field
 * (Lucene HNSW, cosine), the segment text in {@code text} and each metadata key in the field of its name. A search
 * is one {@code knn} query with the request's filter inside it; its scores are OpenSearch's cosine scores,
 * {@code (1 + cosine) / 2}, which is LangChain4j's relevance score. Matches carry the segment but not the vector
 * (not sent back, to keep responses small); an embedding added without a segment matches with none. Thread-safe.
 */
public final class OpenSearchEmbeddingStore implements EmbeddingStore<TextSegment> {

    /**
     * Graph candidates per search, asked as both {@code k} and {@code ef_search} (the Lucene engine explores
     * {@code k} candidates), of which the best {@code maxResults} are returned. More than in process (400): the
     * cluster's index has fewer, larger segments, each searched for this many, so the graph must be explored
     * further for the same recall (docs/scaling.md gives the figures).
     */
    public static final int DEFAULT_EF_SEARCH = 1000;

    private final OpenSearchCluster cluster;
    private final String index;
    private final int efSearch;
    private final FilterQuery filters;

    public OpenSearchEmbeddingStore(OpenSearchCluster cluster, String index, int efSearch) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.index = Objects.requireNonNull(index, "index");
        if (efSearch < 1) {
            throw new IllegalArgumentException("OpenSearchEmbeddingStore.efSearch must be at least 1, was " + efSearch);
        }
        this.efSearch = efSearch;
        this.filters = new FilterQuery(cluster.mapper());
    }

    @Override
    public String add(Embedding embedding) {
        return addAll(List.of(embedding)).get(0);
    }

    @Override
    public void add(String id, Embedding embedding) {
        addAll(List.of(id), List.of(embedding), null);
    }

    @Override
    public String add(Embedding embedding, TextSegment segment) {
        String id = UUID.randomUUID().toString();
        addAll(List.of(id), List.of(embedding), List.of(segment));
        return id;
    }

    @Override
    public List<String> addAll(List<Embedding> embeddings) {
        List<String> ids = generateIds(embeddings.size());
        addAll(ids, embeddings, null);
        return ids;
    }

    @Override
    public void addAll(List<String> ids, List<Embedding> embeddings, List<TextSegment> segments) {
        if (ids.size() != embeddings.size() || segments != null && segments.size() != ids.size()) {
            throw new IllegalArgumentException("ids, embeddings and segments must be as many, were " + ids.size()
                    + ", " + embeddings.size() + " and " + (segments == null ? "none" : segments.size()));
        }
        if (ids.isEmpty()) {
            return;
        }
        JsonNode answer = cluster.sendLines("/" + index + "/_bulk?refresh=true", bulk(ids, embeddings, segments));
        if (answer.path("errors").asBoolean(false)) {
            throw new OpenSearchRequestException("adding embeddings to " + index + " was refused: " + answer);
        }
    }

    /** Deletes by id in one bulk request (delete-by-query is a module the minimal node lacks). */
    @Override
    public void removeAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            for (String id : ids) {
                ObjectNode action = cluster.mapper().createObjectNode();
                action.putObject("delete").put("_id", id);
                cluster.mapper().writeValue(out, action);
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        cluster.sendLines("/" + index + "/_bulk?refresh=true", out.toByteArray());
    }

    @Override
    public EmbeddingSearchResult<TextSegment> search(EmbeddingSearchRequest request) {
        JsonNode hits = cluster.send("POST", "/" + index + "/_search", query(request)).path("hits").path("hits");
        List<EmbeddingMatch<TextSegment>> matches = new ArrayList<>(hits.size());
        for (JsonNode hit : hits) {
            double score = hit.path("_score").asDouble();
            if (score >= request.minScore()) {
                matches.add(new EmbeddingMatch<>(score, hit.path("_id").asText(), null, segment(hit.path("_source"))));
            }
        }
        return new EmbeddingSearchResult<>(matches);
    }

    private ObjectNode query(EmbeddingSearchRequest request) {
        ObjectNode body = cluster.mapper().createObjectNode().put("size", request.maxResults());
        body.putObject("_source").putArray("excludes").add(IndexSchema.VECTOR).add(IndexSchema.MATCH_TEXT);
        ObjectNode knn = body.putObject("query").putObject("knn").putObject(IndexSchema.VECTOR);
        ArrayNode vector = knn.putArray("vector");
        for (float value : request.queryEmbedding().vector()) {
            vector.add(value);
        }
        int candidates = Math.max(efSearch, request.maxResults());
        knn.put("k", candidates);
        knn.putObject("method_parameters").put("ef_search", candidates);
        if (request.filter() != null) {
            knn.set("filter", filters.of(request.filter()));
        }
        return body;
    }

    private static TextSegment segment(JsonNode source) {
        Metadata metadata = new Metadata();
        for (Iterator<Map.Entry<String, JsonNode>> it = source.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (field.getKey().equals(IndexSchema.TEXT) || value.isContainerNode()) {
                continue;
            }
            if (value.isInt()) {
                metadata.put(field.getKey(), value.asInt());
            } else if (value.isIntegralNumber()) {
                metadata.put(field.getKey(), value.asLong());
            } else if (value.isNumber()) {
                metadata.put(field.getKey(), value.asDouble());
            } else {
                metadata.put(field.getKey(), value.asText());
            }
        }
        String text = source.path(IndexSchema.TEXT).asText("");
        return text.isBlank() ? null : TextSegment.from(text, metadata);
    }

    private byte[] bulk(List<String> ids, List<Embedding> embeddings, List<TextSegment> segments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            for (int i = 0; i < ids.size(); i++) {
                ObjectNode action = cluster.mapper().createObjectNode();
                action.putObject("index").put("_id", ids.get(i));
                cluster.mapper().writeValue(out, action);
                out.write('\n');
                cluster.mapper().writeValue(out, source(embeddings.get(i), segments == null ? null : segments.get(i)));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private ObjectNode source(Embedding embedding, TextSegment segment) {
        ObjectNode source = cluster.mapper().createObjectNode();
        ArrayNode vector = source.putArray(IndexSchema.VECTOR);
        for (float value : embedding.vector()) {
            vector.add(value);
        }
        if (segment != null) {
            source.put(IndexSchema.TEXT, segment.text());
            segment.metadata().toMap().forEach(source::putPOJO);
        }
        return source;
    }
}
