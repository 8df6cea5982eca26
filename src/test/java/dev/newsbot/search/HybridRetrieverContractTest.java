package dev.newsbot.search;

/** The bot's retriever keeps the retriever contract. */
class HybridRetrieverContractTest extends RetrieverContract {

    @Override
    protected Retriever retriever() {
        return new HybridRetriever();
    }
}
