package dev.newsbot.index.embedding;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.newsbot.base.DaemonThreads;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * A LangChain4j in-process model file loaded into an ONNX Runtime session that runs each call on its calling
 * thread alone, without the runtime's spinning worker threads; parallelism comes from the executor only, one text
 * per thread. Shared by the in-process embedders.
 */
final class SingleThreadedOnnx {

    private SingleThreadedOnnx() {
    }

    /**
     * Loads {@code modelFile} and {@code tokenizerFile} from the class path of {@code owner} (the LangChain4j model
     * class that ships them).
     */
    static OnnxBertBiEncoder load(Class<?> owner, String modelFile, String tokenizerFile, PoolingMode pooling) {
        ClassLoader loader = owner.getClassLoader();
        try (InputStream model = open(loader, modelFile); InputStream tokenizer = open(loader, tokenizerFile);
             OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.addConfigEntry("session.inter_op.allow_spinning", "0");
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession session = environment.createSession(model.readAllBytes(), options);
            return new OnnxBertBiEncoder(environment, session, tokenizer, pooling);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedding model " + modelFile, e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the embedding model " + modelFile + ": " + e, e);
        }
    }

    /**
     * Starts {@link #load} on a daemon thread of its own and returns at once, so that a start opens its indexes
     * while the model loads (about a second at start on two idle cores).
     */
    static CompletableFuture<OnnxBertBiEncoder> loadInBackground(Class<?> owner, String modelFile,
                                                                  String tokenizerFile, PoolingMode pooling) {
        CompletableFuture<OnnxBertBiEncoder> loading = new CompletableFuture<>();
        DaemonThreads.thread("model-load", () -> {
            try {
                loading.complete(load(owner, modelFile, tokenizerFile, pooling));
            } catch (RuntimeException | Error e) {
                loading.completeExceptionally(e);
            }
        }).start();
        return loading;
    }

    /** The vectors of {@code texts} (passages, embedded as they are), in order; none for none. */
    static List<float[]> embedAll(EmbeddingModel model, List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        return model.embedAll(segments).content().stream().map(e -> e.vector()).toList();
    }

    private static InputStream open(ClassLoader loader, String name) throws IOException {
        InputStream in = loader.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("resource " + name + " is missing from the classpath");
        }
        return in;
    }

    /** LangChain4j's in-process model over a shared single-threaded encoder. */
    static final class Model extends AbstractInProcessEmbeddingModel {

        private final CompletableFuture<OnnxBertBiEncoder> encoder;
        private final int dimension;

        /** @param encoder the encoder, or its loading: the first call waits for it */
        Model(Executor executor, CompletableFuture<OnnxBertBiEncoder> encoder, int dimension) {
            super(executor);
            this.encoder = encoder;
            this.dimension = dimension;
        }

        /** @throws RuntimeException or Error as the loading failed (a missing or broken model file) */
        @Override
        protected OnnxBertBiEncoder model() {
            try {
                return encoder.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                if (e.getCause() instanceof Error failure) {
                    throw failure;
                }
                throw e;
            }
        }

        @Override
        protected Integer knownDimension() {
            return dimension;
        }
    }
}
