package dev.newsbot.index.embedding;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;

/** The alternative model (512-token window, an instruction in front of questions) keeps the embedder contract. */
class BgeSmallEmbedderContractIT extends EmbedderContract {

    private static final ExecutorService POOL = Executors.newFixedThreadPool(2);
    private static final BgeSmallEmbedder MODEL = new BgeSmallEmbedder(POOL);

    @AfterAll
    static void stop() {
        POOL.shutdownNow();
    }

    @Override
    protected Embedder embedder() {
        return MODEL;
    }
}
