package dev.newsbot.index.embedding;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;

/** Both in-process models, on their single-threaded sessions, keep the embedder contract. */
class InProcessEmbedderContractIT {

    private static final ExecutorService POOL = Executors.newFixedThreadPool(2);
    private static final MiniLmEmbedder MINI_LM = new MiniLmEmbedder(POOL);
    private static final BgeSmallEmbedder BGE_SMALL = new BgeSmallEmbedder(POOL);

    @AfterAll
    static void stop() {
        POOL.shutdownNow();
    }

    /** The default model (128-token window). */
    @Nested
    class MiniLm extends EmbedderContract {
        @Override
        protected Embedder embedder() {
            return MINI_LM;
        }
    }

    /** The alternative model (512-token window, an instruction in front of questions). */
    @Nested
    class BgeSmall extends EmbedderContract {
        @Override
        protected Embedder embedder() {
            return BGE_SMALL;
        }
    }
}
