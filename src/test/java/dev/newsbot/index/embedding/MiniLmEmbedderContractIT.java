package dev.newsbot.index.embedding;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;

/** The default model, on its single-threaded sessions, keeps the embedder contract. */
class MiniLmEmbedderContractIT extends EmbedderContract {

    private static final ExecutorService POOL = Executors.newFixedThreadPool(2);
    private static final MiniLmEmbedder MODEL = new MiniLmEmbedder(POOL);

    @AfterAll
    static void stop() {
        POOL.shutdownNow();
    }

    @Override
    protected Embedder embedder() {
        return MODEL;
    }
}
