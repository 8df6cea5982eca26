package dev.newsbot.opensearch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.store.embedding.filter.Filter;
import dev.langchain4j.store.embedding.filter.comparison.IsEqualTo;
import dev.langchain4j.store.embedding.filter.comparison.IsGreaterThan;
import dev.langchain4j.store.embedding.filter.comparison.IsGreaterThanOrEqualTo;
import dev.langchain4j.store.embedding.filter.comparison.IsIn;
import dev.langchain4j.store.embedding.filter.comparison.IsLessThan;
import dev.langchain4j.store.embedding.filter.comparison.IsLessThanOrEqualTo;
import dev.langchain4j.store.embedding.filter.comparison.IsNotEqualTo;
import dev.langchain4j.store.embedding.filter.logical.And;
import dev.langchain4j.store.embedding.filter.logical.Not;
import dev.langchain4j.store.embedding.filter.logical.Or;

/**
 * A LangChain4j metadata {@link Filter} as an OpenSearch query, so that it runs inside the k-NN search (the graph
 * search skips documents the filter rejects) rather than after it. Metadata keys are index fields.
 */
final class FilterQuery {

    private final ObjectMapper mapper;

    FilterQuery(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectNode of(Filter filter) {
        if (filter instanceof And and) {
            return bool("filter", of(and.left()), of(and.right()));
        }
        if (filter instanceof Or or) {
            return bool("should", of(or.left()), of(or.right()));
        }
        if (filter instanceof Not not) {
            return bool("must_not", of(not.expression()));
        }
        if (filter instanceof IsEqualTo eq) {
            return term(eq.key(), eq.comparisonValue());
        }
        if (filter instanceof IsNotEqualTo ne) {
            return bool("must_not", term(ne.key(), ne.comparisonValue()));
        }
        if (filter instanceof IsIn in) {
            ObjectNode query = mapper.createObjectNode();
            ArrayNode values = query.putObject("terms").putArray(in.key());
            in.comparisonValues().forEach(v -> values.addPOJO(v));
            return query;
        }
        return range(filter);
    }

    private ObjectNode range(Filter filter) {
        if (filter instanceof IsLessThanOrEqualTo c) {
            return range(c.key(), "lte", c.comparisonValue());
        }
        if (filter instanceof IsLessThan c) {
            return range(c.key(), "lt", c.comparisonValue());
        }
        if (filter instanceof IsGreaterThanOrEqualTo c) {
            return range(c.key(), "gte", c.comparisonValue());
        }
        if (filter instanceof IsGreaterThan c) {
            return range(c.key(), "gt", c.comparisonValue());
        }
        throw new UnsupportedOperationException("filter " + filter.getClass().getSimpleName()
                + " is not supported by the OpenSearch embedding store");
    }

    private ObjectNode range(String key, String op, Object value) {
        ObjectNode query = mapper.createObjectNode();
        query.putObject("range").putObject(key).putPOJO(op, value);
        return query;
    }

    private ObjectNode term(String key, Object value) {
        ObjectNode query = mapper.createObjectNode();
        query.putObject("term").putPOJO(key, value);
        return query;
    }

    private ObjectNode bool(String occur, ObjectNode... clauses) {
        ObjectNode query = mapper.createObjectNode();
        ArrayNode list = query.putObject("bool").putArray(occur);
        for (ObjectNode clause : clauses) {
            list.add(clause);
        }
        if ("should".equals(occur)) {
            ((ObjectNode) query.get("bool")).put("minimum_should_match", 1);
        }
        return query;
    }
}
