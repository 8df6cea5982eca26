package dev.newsbot.search.baseline;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.newsbot.search.Retriever;
import dev.newsbot.search.RetrieverContract;
import java.util.List;

/**
 * The LangChain4j baseline keeps the retriever contract: it used to return its own top 10 whatever the limit, and
 * articles from after the question date.
 */
class LangChainBaselineRetrieverTest extends RetrieverContract {

    @Override
    protected Retriever retriever() {
        return new LangChainBaselineRetriever(new EmbeddingModel() {
            @Override
            public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
                return Response.from(segments.stream().map(s -> Embedding.from(embedder.embed(s.text()))).toList());
            }
        });
    }
}
