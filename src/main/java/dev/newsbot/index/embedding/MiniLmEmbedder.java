package dev.newsbot.index.embedding;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The in-process {@code all-MiniLM-L6-v2-q} model (384 dimensions, no network). It reads at most 128 tokens of
 * a text and silently drops the rest, which is why {@code dev.newsbot.index.PassageSplitter} keeps passages well below that.
 *
 * <p>The model file, tokenizer and pooling are LangChain4j's own, so vectors are the ones
 * {@link AllMiniLmL6V2QuantizedEmbeddingModel} gives. The ONNX Runtime session differs: each call runs on its
 * calling thread alone, without the runtime's spinning worker threads. Parallelism comes from the executor only,
 * one text per thread, so {@link #embedAll} keeps every core busy without oversubscribing them, and a question
 * embedded while other work runs does not wait behind spinning threads.
 */
public final class MiniLmEmbedder extends OnnxEmbedder {

    public static final String MODEL_NAME = "all-MiniLM-L6-v2-q";
    private static final int DIMENSION = 384;
    private static final String MODEL_FILE = "all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER_FILE = "all-minilm-l6-v2-q-tokenizer.json";
    /** Its tokenizer truncates every text to 128 tokens, [CLS] and [SEP] included. */
    public static final int WINDOW_TOKENS = 128;
    private static final Spec SPEC = new Spec(MODEL_NAME, DIMENSION, WINDOW_TOKENS);

    /** @param executor runs the model's per-text calls during {@link #embedAll}; size it to the cores */
    public MiniLmEmbedder(Executor executor) {
        this(new SingleThreadedOnnx.Model(Objects.requireNonNull(executor, "executor"), Encoder.INSTANCE, DIMENSION));
    }

    private MiniLmEmbedder(EmbeddingModel model) {
        super(model, SPEC);
    }

    /**
     * The model exactly as LangChain4j ships it, with its own executor and ONNX Runtime's default session (a
     * spinning thread pool per call): for comparing throughput only.
     */
    public static MiniLmEmbedder langChainDefault() {
        return new MiniLmEmbedder(new AllMiniLmL6V2QuantizedEmbeddingModel());
    }

    /**
     * The model as LangChain4j ships it, with ONNX Runtime's default session, on {@code executor}: for comparing
     * throughput only.
     */
    public static MiniLmEmbedder langChainDefault(Executor executor) {
        return new MiniLmEmbedder(new AllMiniLmL6V2QuantizedEmbeddingModel(executor));
    }

    /**
     * One session for the process, loaded in the background from the first embedder made; sessions are
     * thread-safe.
     */
    private static final class Encoder {

        static final CompletableFuture<OnnxBertBiEncoder> INSTANCE = SingleThreadedOnnx.loadInBackground(
                AllMiniLmL6V2QuantizedEmbeddingModel.class, MODEL_FILE, TOKENIZER_FILE, PoolingMode.MEAN);
    }
}
