package dev.newsbot.index.embedding;

/** The unit tests' stand-in keeps the promises of the real models, so tests built on it mean something. */
class HashingEmbedderTest extends EmbedderContract {

    @Override
    protected Embedder embedder() {
        return new HashingEmbedder();
    }
}
