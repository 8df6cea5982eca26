package dev.newsbot.index.embedding;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The in-process {@code bge-small-en-v1.5-q} model (BAAI's BGE small English v1.5, quantized; 384 dimensions,
 * CLS pooling, no network). It reads 512 tokens as one text; LangChain4j embeds a longer text in parts of 510 and
 * averages them. Its tokenizer is BERT uncased with the same vocabulary and normaliser as MiniLM's, so
 * {@link TokenCounter} counts its tokens too.
 *
 * <p>The model card asks for an instruction in front of short queries searched against passages, and for none
 * in front of the passages: {@link #embed} (questions, and the claims of yes/no questions that are searched for
 * support) prepends {@link #QUERY_INSTRUCTION}; {@link #embedAll} (passages, sentences) does not. LangChain4j's
 * class adds nothing itself.
 *
 * <p>The model file, tokenizer and pooling are LangChain4j's own; the ONNX Runtime session is the single-threaded
 * one {@link MiniLmEmbedder} uses.
 */
public final class BgeSmallEmbedder extends OnnxEmbedder {

    public static final String MODEL_NAME = "bge-small-en-v1.5-q";
    /** The retrieval instruction of the model card, for queries only. */
    public static final String QUERY_INSTRUCTION = "Represent this sentence for searching relevant passages: ";
    /** BERT's 512 positions, [CLS] and [SEP] included. */
    public static final int WINDOW_TOKENS = 512;
    private static final int DIMENSION = 384;
    private static final Spec SPEC = new Spec(MODEL_NAME, DIMENSION, WINDOW_TOKENS);
    private static final String MODEL_FILE = "bge-small-en-v1.5-q.onnx";
    private static final String TOKENIZER_FILE = "bge-small-en-v1.5-q-tokenizer.json";

    /** @param executor runs the model's per-text calls during {@link #embedAll}; size it to the cores */
    BgeSmallEmbedder(Executor executor) {
        super(model(executor), SPEC);
    }

    private static EmbeddingModel model(Executor executor) {
        if (BgeSmallEmbedder.class.getResource("/" + MODEL_FILE) == null) {
            throw new IllegalStateException("retrieval.embeddingModel: " + MODEL_NAME + " is not in this jar (the "
                    + "default jar holds all-minilm-l6-v2-q only); build it with mvn -Pbge package, or choose "
                    + "all-minilm-l6-v2-q");
        }
        return new SingleThreadedOnnx.Model(Objects.requireNonNull(executor, "executor"), Encoder.INSTANCE, DIMENSION);
    }

    /** Embeds a query, with the model's retrieval instruction in front. */
    @Override
    public float[] embed(String text) {
        return super.embed(QUERY_INSTRUCTION + text);
    }

    /**
     * One session for the process, loaded in the background from the first embedder made; sessions are
     * thread-safe.
     */
    private static final class Encoder {

        static final CompletableFuture<OnnxBertBiEncoder> INSTANCE = SingleThreadedOnnx.loadInBackground(
                BgeSmallEnV15QuantizedEmbeddingModel.class, MODEL_FILE, TOKENIZER_FILE, PoolingMode.CLS);
    }
}
