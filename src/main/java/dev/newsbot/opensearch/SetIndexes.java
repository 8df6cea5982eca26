package dev.newsbot.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsbot.index.IndexSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The set versions in a cluster: one index per version, written once, and one alias per set that points at the
 * served version. {@link #publish} moves the alias in one {@code _aliases} request, so every searcher sees the old
 * version or the new one, never a mix; versions other than the served one are deleted after it. Thread-safe.
 */
public final class SetIndexes {

    /** Documents per bulk request: about 1 MB with 384-dimension vectors. */
    static final int BULK_DOCUMENTS = 250;
    private static final int READ_PAGE = 1000;
    private static final String META_MODEL = "embedding_model";
    private static final String META_DIMENSION = "dimension";
    private static final String META_SPLITTER = "splitter";

    private final OpenSearchCluster cluster;
    private final OpenSearchSettings settings;
    private final ObjectMapper mapper;

    public SetIndexes(OpenSearchCluster cluster) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.settings = cluster.settings();
        this.mapper = cluster.mapper();
    }

    /** Creates the (empty) index of a set version; an index left by an earlier failed build is replaced. */
    public String create(String setName, String version, IndexSchema schema) {
        return create(setName, version, schema, null);
    }

    /**
     * Like {@link #create(String, String, IndexSchema)}, recording in the index's mapping the model and splitter
     * settings its passages and vectors are made with ({@link #madeWith}); null records none.
     */
    public String create(String setName, String version, IndexSchema schema, IndexSettings madeWith) {
        String index = settings.index(setName, version);
        if (served(setName).filter(index::equals).isPresent()) {
            throw new OpenSearchRequestException("index " + index + " is the served version of set '" + setName
                    + "'; a version is written once");
        }
        cluster.sendAllowingMissing("DELETE", "/" + index, null);
        ObjectNode body = schema.createRequest(mapper, settings);
        if (madeWith != null) {
            ObjectNode meta = ((ObjectNode) body.path("mappings")).putObject("_meta");
            meta.put(META_MODEL, madeWith.embeddingModel()).put(META_DIMENSION, madeWith.dimension())
                    .put(META_SPLITTER, madeWith.splitterSettings());
        }
        cluster.send("PUT", "/" + index, body);
        return index;
    }

    /** The model and splitter settings an index records it was made with; empty when it records none. */
    public Optional<IndexSettings> madeWith(String index) {
        JsonNode meta = cluster.send("GET", "/" + index + "/_mapping", null).path(index).path("mappings")
                .path("_meta");
        if (!meta.hasNonNull(META_MODEL) || !meta.hasNonNull(META_SPLITTER) || meta.path(META_DIMENSION).asInt() < 1) {
            return Optional.empty();
        }
        return Optional.of(new IndexSettings(meta.path(META_MODEL).asText(), meta.path(META_DIMENSION).asInt(),
                meta.path(META_SPLITTER).asText()));
    }

    /** Adds documents to an index in bulk requests; any document refused fails the whole call. */
    public void write(String index, List<PassageDocument> documents) {
        for (int from = 0; from < documents.size(); from += BULK_DOCUMENTS) {
            List<PassageDocument> part = documents.subList(from, Math.min(documents.size(), from + BULK_DOCUMENTS));
            JsonNode answer = cluster.sendLines("/" + index + "/_bulk", bulk(part));
            if (answer.path("errors").asBoolean(false)) {
                throw new OpenSearchRequestException("bulk write to " + index + " refused: " + firstError(answer));
            }
        }
    }

    /** Makes written documents searchable and counts them. */
    public long seal(String index) {
        cluster.send("POST", "/" + index + "/_refresh", null);
        return cluster.send("GET", "/" + index + "/_count", null).path("count").asLong();
    }

    /** {@link #swap} then {@link #deleteVersionsExcept} the new one. */
    public void publish(String setName, String index) {
        swap(setName, index);
        deleteVersionsExcept(setName, List.of(index));
    }

    /** Points the set's alias at {@code index} in one request that also removes it from the version it was on. */
    public void swap(String setName, String index) {
        String alias = settings.alias(setName);
        ObjectNode body = mapper.createObjectNode();
        ArrayNode actions = body.putArray("actions");
        for (String old : aliasTargets(alias)) {
            if (!old.equals(index)) {
                actions.addObject().putObject("remove").put("index", old).put("alias", alias);
            }
        }
        actions.addObject().putObject("add").put("index", index).put("alias", alias);
        cluster.send("POST", "/_aliases", body);
    }

    /** Deletes every version's index of the set but {@code keep} (and the served one, which is never deleted). */
    public void deleteVersionsExcept(String setName, Collection<String> keep) {
        Optional<String> served = served(setName);
        for (String index : versions(setName)) {
            if (!keep.contains(index) && !served.filter(index::equals).isPresent()) {
                cluster.sendAllowingMissing("DELETE", "/" + index, null);
            }
        }
    }

    /** The index the set's alias points at, if the set has been published. */
    public Optional<String> served(String setName) {
        List<String> targets = aliasTargets(settings.alias(setName));
        return targets.isEmpty() ? Optional.empty() : Optional.of(targets.get(0));
    }

    /** The indices of every version of the set, served or not. */
    public List<String> versions(String setName) {
        JsonNode rows = cluster.send("GET", "/_cat/indices/" + settings.versions(setName) + "?format=json&h=index",
                null);
        List<String> names = new ArrayList<>();
        rows.forEach(row -> names.add(row.path("index").asText()));
        names.sort(null);
        return names;
    }

    /** Deletes a version's index (a build that failed); the served version is refused. */
    public void delete(String setName, String index) {
        if (served(setName).filter(index::equals).isPresent()) {
            throw new OpenSearchRequestException("index " + index + " is the served version of set '" + setName
                    + "' and is not deleted");
        }
        cluster.sendAllowingMissing("DELETE", "/" + index, null);
    }

    /** Bytes an index's primary shards hold on disk. */
    public long storeBytes(String index) {
        return cluster.send("GET", "/" + index + "/_stats/store", null).path("_all").path("primaries").path("store")
                .path("size_in_bytes").asLong();
    }

    /** Removes a set from the cluster: every version's index, the served one and its alias included. */
    public void drop(String setName) {
        for (String index : versions(setName)) {
            cluster.sendAllowingMissing("DELETE", "/" + index, null);
        }
    }

    /**
     * The stored passages and vectors of every article in {@code index}, keyed by article id, so that an incremental
     * reload reuses those of unchanged articles instead of splitting and embedding them again.
     */
    public Map<String, StoredArticle> storedVectors(String index) {
        Map<String, StoredArticle> articles = new HashMap<>();
        JsonNode after = null;
        while (true) {
            JsonNode hits = cluster.send("POST", "/" + index + "/_search", vectorPage(after)).path("hits").path("hits");
            for (JsonNode hit : hits) {
                addStored(articles, hit);
            }
            if (hits.size() < READ_PAGE) {
                return articles;
            }
            after = hits.get(hits.size() - 1).path("sort");
        }
    }

    private ObjectNode vectorPage(JsonNode after) {
        ObjectNode body = mapper.createObjectNode().put("size", READ_PAGE);
        body.putArray("sort").add(IndexSchema.ROW);
        body.putArray("_source").add(IndexSchema.ARTICLE_ID).add(IndexSchema.ORDINAL).add(IndexSchema.CONTENT_HASH)
                .add(IndexSchema.VECTOR).add(IndexSchema.SENTENCES);
        if (after != null) {
            body.set("search_after", after);
        }
        return body;
    }

    private static void addStored(Map<String, StoredArticle> articles, JsonNode hit) {
        JsonNode source = hit.path("_source");
        JsonNode values = source.path(IndexSchema.VECTOR);
        float[] vector = new float[values.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) values.get(i).asDouble();
        }
        List<String> sentences = new ArrayList<>();
        source.path(IndexSchema.SENTENCES).forEach(s -> sentences.add(s.asText()));
        StoredArticle article = articles.computeIfAbsent(source.path(IndexSchema.ARTICLE_ID).asText(),
                id -> new StoredArticle(source.path(IndexSchema.CONTENT_HASH).asText(), new HashMap<>(),
                        new HashMap<>()));
        int ordinal = source.path(IndexSchema.ORDINAL).asInt();
        article.vectors().put(ordinal, vector);
        article.sentences().put(ordinal, sentences);
    }

    private List<String> aliasTargets(String alias) {
        Optional<JsonNode> answer = cluster.sendAllowingMissing("GET", "/_alias/" + alias, null);
        List<String> targets = new ArrayList<>();
        answer.ifPresent(a -> a.fieldNames().forEachRemaining(targets::add));
        return targets;
    }

    private byte[] bulk(List<PassageDocument> documents) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(documents.size() * 4096);
        try {
            for (PassageDocument document : documents) {
                ObjectNode action = mapper.createObjectNode();
                action.putObject("index").put("_id", document.id());
                mapper.writeValue(out, action);
                out.write('\n');
                mapper.writeValue(out, source(document));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private ObjectNode source(PassageDocument document) {
        ObjectNode source = mapper.createObjectNode();
        source.put(IndexSchema.MATCH_TEXT, document.heading() + "\n" + document.text());
        source.put(IndexSchema.TEXT, document.text());
        source.put(IndexSchema.TITLE, document.title());
        if (document.outlet() != null) {
            source.put(IndexSchema.OUTLET, document.outlet());
        }
        ArrayNode vector = source.putArray(IndexSchema.VECTOR);
        for (float value : document.vector()) {
            vector.add(value);
        }
        source.put(IndexSchema.DAY, document.published() == null ? IndexSchema.UNDATED
                : document.published().toEpochDay());
        if (document.published() != null) {
            source.put(IndexSchema.PUBLISHED, document.published().toString());
        }
        source.put(IndexSchema.ARTICLE_ID, document.articleId());
        source.put(IndexSchema.ORDINAL, document.ordinal());
        source.put(IndexSchema.ROW, document.row());
        source.put(IndexSchema.CONTENT_HASH, document.contentHash());
        if (document.url() != null) {
            source.put(IndexSchema.URL, document.url());
        }
        ArrayNode sentences = source.putArray(IndexSchema.SENTENCES);
        document.sentences().forEach(sentences::add);
        return source;
    }

    private static String firstError(JsonNode answer) {
        for (JsonNode item : answer.path("items")) {
            JsonNode error = item.path("index").path("error");
            if (!error.isMissingNode()) {
                return item.path("index").path("_id").asText() + ": " + error.path("type").asText() + " "
                        + error.path("reason").asText();
            }
        }
        return "unknown error";
    }
}
