package dev.newsbot.opensearch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * The fields of a set version's index and how each is analysed. BM25 scores {@value #MATCH_TEXT} (the heading,
 * then the text: the in-process index's {@code text} field) and {@value #OUTLET}, analysed by OpenSearch's
 * {@code english} analyzer with the in-process stop words, so both engines see the same terms. Vectors are a
 * {@code knn_vector} on the Lucene engine's HNSW graph with cosine similarity; {@value #DAY} is the publication
 * day as an epoch day, undated articles at {@link Long#MIN_VALUE} so that a date filter keeps them, as in process.
 *
 * @param stopWords   the words the analyzer drops
 * @param dimension   the vectors' length
 * @param neighbours  HNSW graph neighbours per node ({@code m})
 * @param beamWidth   candidates kept while building the graph ({@code ef_construction})
 */
public record IndexSchema(List<String> stopWords, int dimension, int neighbours, int beamWidth) {

    static final String MATCH_TEXT = "match_text";
    static final String TEXT = "text";
    static final String TITLE = "title";
    static final String OUTLET = "outlet";
    static final String VECTOR = "vector";
    static final String DAY = "day";
    static final String PUBLISHED = "published";
    static final String ARTICLE_ID = "article_id";
    static final String ORDINAL = "ordinal";
    static final String ROW = "row";
    static final String URL = "url";
    static final String SENTENCES = "sentences";
    static final String CONTENT_HASH = "content_hash";
    static final String ANALYZER = "newsbot_english";
    static final long UNDATED = Long.MIN_VALUE;

    /**
     * The graph's shape: 32 neighbours, as in process, and a beam of 400 while building (100 in process), which
     * the bulk write affords beside the model and which the recall of {@link OpenSearchEmbeddingStore}'s
     * candidates needs (docs/scaling.md).
     */
    public static final int NEIGHBOURS = 32;
    public static final int BEAM_WIDTH = 400;

    public IndexSchema {
        stopWords = List.copyOf(Objects.requireNonNull(stopWords, "IndexSchema.stopWords must not be null"));
        if (dimension < 1) {
            throw new IllegalArgumentException("IndexSchema.dimension must be at least 1, was " + dimension);
        }
        if (neighbours < 2 || beamWidth < neighbours) {
            throw new IllegalArgumentException("IndexSchema.neighbours must be at least 2 and beamWidth at least "
                    + "neighbours, were " + neighbours + " and " + beamWidth);
        }
    }

    public static IndexSchema of(List<String> stopWords, int dimension) {
        return new IndexSchema(stopWords, dimension, NEIGHBOURS, BEAM_WIDTH);
    }

    /** The body of the create-index request. */
    ObjectNode createRequest(ObjectMapper mapper, OpenSearchSettings settings) {
        ObjectNode body = mapper.createObjectNode();
        ObjectNode index = body.putObject("settings").putObject("index");
        index.put("knn", true);
        index.put("number_of_shards", settings.shards());
        index.put("number_of_replicas", settings.replicas());
        index.put("refresh_interval", "-1");
        ObjectNode analyzer = index.putObject("analysis").putObject("analyzer").putObject(ANALYZER);
        analyzer.put("type", "english");
        ArrayNode stop = analyzer.putArray("stopwords");
        stopWords.forEach(stop::add);
        ObjectNode properties = body.putObject("mappings").put("dynamic", "strict").putObject("properties");
        for (String field : List.of(MATCH_TEXT, TEXT, TITLE, OUTLET)) {
            properties.putObject(field).put("type", "text").put("analyzer", ANALYZER);
        }
        properties.set(VECTOR, vector(mapper));
        properties.putObject(DAY).put("type", "long");
        properties.putObject(PUBLISHED).put("type", "date").put("format", "strict_date");
        properties.putObject(ARTICLE_ID).put("type", "keyword");
        properties.putObject(CONTENT_HASH).put("type", "keyword");
        properties.putObject(ROW).put("type", "integer");
        properties.putObject(ORDINAL).put("type", "integer");
        properties.putObject(URL).put("type", "keyword").put("index", false).put("doc_values", false);
        properties.putObject(SENTENCES).put("type", "keyword").put("index", false).put("doc_values", false);
        return body;
    }

    private ObjectNode vector(ObjectMapper mapper) {
        ObjectNode vector = mapper.createObjectNode().put("type", "knn_vector").put("dimension", dimension);
        ObjectNode method = vector.putObject("method").put("name", "hnsw").put("engine", "lucene")
                .put("space_type", "cosinesimil");
        method.putObject("parameters").put("m", neighbours).put("ef_construction", beamWidth);
        return vector;
    }
}
