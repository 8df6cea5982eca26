package dev.newsbot.index;

import java.io.IOException;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.KnnVectorsReader;
import org.apache.lucene.codecs.KnnVectorsWriter;
import org.apache.lucene.codecs.hnsw.FlatVectorScorerUtil;
import org.apache.lucene.codecs.lucene99.Lucene99FlatVectorsFormat;
import org.apache.lucene.index.SegmentReadState;
import org.apache.lucene.index.SegmentWriteState;

/**
 * Float vectors stored without a search graph: for a version whose dense search runs elsewhere (OpenSearch), whose
 * local index only hands its vectors back for re-scoring and for the next reload. Lucene's own flat format has no
 * name it can be found by when an index is read, so this one gives it one; it is registered in
 * {@code META-INF/services/org.apache.lucene.codecs.KnnVectorsFormat}. Its reader's approximate search finds
 * nothing, so {@link IndexedSet} scans an index made with it exactly.
 */
public final class FlatVectors extends KnnVectorsFormat {

    /** The name written into each segment, by which a reader finds this format. */
    static final String NAME = "NewsbotFlatVectors";

    private final Lucene99FlatVectorsFormat flat =
            new Lucene99FlatVectorsFormat(FlatVectorScorerUtil.getLucene99FlatVectorsScorer());

    /** Public and without arguments, as Lucene's service loader needs. */
    public FlatVectors() {
        super(NAME);
    }

    @Override
    public KnnVectorsWriter fieldsWriter(SegmentWriteState state) throws IOException {
        return flat.fieldsWriter(state);
    }

    @Override
    public KnnVectorsReader fieldsReader(SegmentReadState state) throws IOException {
        return flat.fieldsReader(state);
    }

    @Override
    public int getMaxDimensions(String fieldName) {
        return flat.getMaxDimensions(fieldName);
    }
}
