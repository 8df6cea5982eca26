package dev.newsbot.index;

import dev.newsbot.articles.Article;
import dev.newsbot.base.SharedWork;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LogByteSizeMergePolicy;
import org.apache.lucene.store.Directory;

/**
 * Writes the passages of one set version into a Lucene index, in row order: each becomes the document whose id
 * is its row. Passages are analysed a chunk at a time, in parallel, and added from the calling thread, so one
 * writer thread fills segments in order; a merge policy that only merges neighbouring segments and a final merge
 * into one segment keep document ids equal to rows ({@link SetIndex} checks one segment at open).
 */
final class PassageWriter implements Closeable {

    private static final int CHUNK = 4096;
    /**
     * Lucene's indexing buffer: a set up to about 40k passages is flushed as one segment; larger ones are merged
     * into one at the end. The vectors are not held elsewhere while indexing, so this is most of the build's heap.
     */
    private static final double RAM_BUFFER_MB = 128;
    /** A vector whose squared length differs from 1 by more than this is normalised before it is stored. */
    private static final double UNIT_TOLERANCE = 1e-3;

    /** One passage waiting to be written. */
    private record Pending(Passage passage, Article article, String heading, String contentHash, float[] vector) {
    }

    private final IndexWriter writer;
    private final TextAnalyzer analyzer;
    private final int dimension;
    private final Executor executor;
    private final int parallelism;
    private final List<Pending> pending = new ArrayList<>();
    private final Map<String, List<String>> headings = new ConcurrentHashMap<>();
    private int rows;

    private final PassageSink sink;

    /**
     * @param graph whether the vectors get Lucene's search graph; without one they are stored flat (a version
     *              searched elsewhere)
     * @param sink  hears of every row as it is queued
     */
    PassageWriter(Directory directory, TextAnalyzer analyzer, int dimension, Executor executor, int parallelism,
                  boolean graph, PassageSink sink) {
        this.sink = java.util.Objects.requireNonNull(sink, "sink");
        this.analyzer = analyzer;
        this.dimension = dimension;
        this.executor = executor;
        this.parallelism = parallelism;
        IndexWriterConfig config = new IndexWriterConfig(analyzer.luceneAnalyzer());
        config.setRAMBufferSizeMB(RAM_BUFFER_MB);
        config.setCodec(codec(graph ? new Lucene99HnswScalarQuantizedVectorsFormat(NEIGHBOURS, BEAM)
                : new FlatVectors()));
        LogByteSizeMergePolicy merges = new LogByteSizeMergePolicy();
        merges.setNoCFSRatio(0);
        config.setMergePolicy(merges);
        config.setUseCompoundFile(false);
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
        try {
            this.writer = new IndexWriter(directory, config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start writing the index", e);
        }
    }

    /**
     * Lucene's codec with int8 scalar-quantised HNSW vectors, the float vectors kept beside them for exact
     * re-scoring (or, without a graph, the float vectors alone: {@link FlatVectors}). 32 neighbours per node
     * (Lucene's default is 16), beam 100: twice the neighbours raise recall at the same build time (figures:
     * docs/performance.md).
     */
    private static final int NEIGHBOURS = 32;
    private static final int BEAM = 100;

    private static Lucene912Codec codec(KnnVectorsFormat vectors) {
        return new Lucene912Codec() {
            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                return vectors;
            }
        };
    }

    /** Queues the next row; {@code vector} is the passage's unit vector. */
    void add(Passage passage, Article article, String contentHash, float[] vector) {
        if (vector.length != dimension) {
            throw new IllegalArgumentException("the vector of row " + rows + " has " + vector.length
                    + " dimensions, not " + dimension);
        }
        String heading = UrlSlugs.heading(article);
        float[] unit = unit(vector);
        sink.add(rows, passage, article, contentHash, unit);
        pending.add(new Pending(passage, article, heading, contentHash, unit));
        rows++;
        if (pending.size() >= CHUNK) {
            flush();
        }
    }

    int rows() {
        return rows;
    }

    private static float[] unit(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        if (Math.abs(norm - 1) <= UNIT_TOLERANCE || norm == 0) {
            return vector;
        }
        float[] unit = new float[vector.length];
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < vector.length; i++) {
            unit[i] = vector[i] * scale;
        }
        return unit;
    }

    private void flush() {
        List<List<String>> bodies = new ArrayList<>(java.util.Collections.nCopies(pending.size(), null));
        SharedWork.run(executor, parallelism, pending.size(), i -> {
            bodies.set(i, analyzer.terms(pending.get(i).passage().text()));
            headings.computeIfAbsent(pending.get(i).heading(), analyzer::terms);
        });
        try {
            for (int i = 0; i < pending.size(); i++) {
                Pending p = pending.get(i);
                writer.addDocument(IndexFields.document(p.passage(), p.article(), p.contentHash(),
                        headings.get(p.heading()), bodies.get(i), p.vector()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the index", e);
        }
        pending.clear();
        if (headings.size() > CHUNK) {
            headings.clear();
        }
    }

    /** Writes what is queued, merges into one segment and commits with {@code header} as the user data. */
    void commit(IndexHeader header) {
        flush();
        try {
            writer.forceMerge(1);
            writer.setLiveCommitData(IndexFields.userData(header).entrySet());
            writer.commit();
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit the index", e);
        }
    }

    /** Abandons an uncommitted index; a committed one is closed already. */
    @Override
    public void close() {
        try {
            if (writer.isOpen()) {
                writer.rollback();
            }
        } catch (IOException e) {
            // Nothing committed is lost by a failed rollback.
        }
    }
}
