package dev.newsbot.opensearch;

import dev.newsbot.articles.Article;
import dev.newsbot.articles.ArticleSet;
import dev.newsbot.index.IndexSettings;
import dev.newsbot.index.Passage;
import dev.newsbot.ops.sets.StorePublisher;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A set version written to its own index while it is built: the building thread turns each passage into a document
 * and queues them {@value SetIndexes#BULK_DOCUMENTS} at a time; a thread of its own creates the index and sends the
 * bulk requests, so the model never waits for the node. The queue holds {@value #QUEUED_REQUESTS} requests: a node
 * slower than the model holds the build back instead of filling the heap. A failed request fails the build at its
 * next passage; {@link #finish} waits for the last request, makes the documents searchable and counts them. Used by
 * one building thread.
 */
final class BulkDraft implements StorePublisher.Draft {

    static final int QUEUED_REQUESTS = 4;
    private static final Logger log = LoggerFactory.getLogger(BulkDraft.class);
    private static final List<PassageDocument> END = List.of();

    private final SetIndexes indexes;
    private final String setName;
    private final String index;
    private final Function<Article, String> heading;
    private final BlockingQueue<List<PassageDocument>> queue = new ArrayBlockingQueue<>(QUEUED_REQUESTS);
    private final Thread sender;
    private volatile RuntimeException failure;
    private List<PassageDocument> batch = new ArrayList<>(SetIndexes.BULK_DOCUMENTS);
    private boolean ended;

    BulkDraft(SetIndexes indexes, ArticleSet set, String index, IndexSchema schema, IndexSettings madeWith,
              Function<Article, String> heading) {
        this.indexes = Objects.requireNonNull(indexes, "indexes");
        this.setName = set.name();
        this.index = Objects.requireNonNull(index, "index");
        this.heading = Objects.requireNonNull(heading, "heading");
        this.sender = new Thread(() -> send(set.version(), schema, madeWith), "opensearch-bulk-" + set.name());
        sender.setDaemon(true);
        sender.start();
    }

    String index() {
        return index;
    }

    @Override
    public void add(int row, Passage passage, Article article, String contentHash, float[] vector) {
        if (failure != null) {
            throw new OpenSearchRequestException("writing index " + index + " failed: " + failure.getMessage(),
                    failure);
        }
        batch.add(new PassageDocument(row, passage.articleId(), passage.ordinal(), article.title(),
                heading.apply(article), passage.sentences(), article.source(), article.url(),
                article.publishedDate().orElse(null), contentHash, vector));
        if (batch.size() == SetIndexes.BULK_DOCUMENTS) {
            put(batch);
            batch = new ArrayList<>(SetIndexes.BULK_DOCUMENTS);
        }
    }

    /**
     * Sends what is left, waits for every request and checks that the index holds {@code expected} passages; on
     * any failure the index is deleted and the failure thrown.
     */
    void finish(long expected) {
        try {
            if (!batch.isEmpty()) {
                put(batch);
            }
            end();
            join();
            if (failure != null) {
                throw failure;
            }
            long count = indexes.seal(index);
            if (count != expected) {
                throw new OpenSearchRequestException("index " + index + " holds " + count + " passages, expected "
                        + expected);
            }
        } catch (RuntimeException e) {
            deleteQuietly(e);
            throw e;
        }
    }

    @Override
    public void abandon() {
        try {
            end();
            join();
            indexes.delete(setName, index);
        } catch (RuntimeException e) {
            log.warn("Set \"{}\": index {} of a build that failed was not deleted ({}); the next build of this "
                    + "version replaces it", setName, index, e.toString());
        }
    }

    private void send(String version, IndexSchema schema, IndexSettings madeWith) {
        try {
            indexes.create(setName, version, schema, madeWith);
            for (List<PassageDocument> documents = take(); documents != END; documents = take()) {
                indexes.write(index, documents);
            }
        } catch (RuntimeException e) {
            failure = e;
            discardUntilEnd();
        }
    }

    /** After a failure, takes what the building thread still queues, so that it is never held. */
    private void discardUntilEnd() {
        List<PassageDocument> documents = take();
        while (documents != END) {
            documents = take();
        }
    }

    private List<PassageDocument> take() {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("writing index " + index + " was interrupted", e);
        }
    }

    private void put(List<PassageDocument> documents) {
        try {
            queue.put(documents);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("writing index " + index + " was interrupted", e);
        }
    }

    private void end() {
        if (!ended) {
            ended = true;
            put(END);
        }
    }

    private void join() {
        try {
            sender.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("writing index " + index + " was interrupted", e);
        }
    }

    private void deleteQuietly(RuntimeException cause) {
        try {
            indexes.delete(setName, index);
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}
