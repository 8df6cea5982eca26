package dev.newsbot.index;

import dev.newsbot.articles.Article;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;

/**
 * The schema of a passage index: one Lucene document per passage, and the commit user data that says which set
 * version, model and splitter settings the index holds. The keyword fields are those the in-memory BM25 index
 * had, so scores are unchanged: {@code text} (the heading, that is title and url slug words, then the passage),
 * {@code body} (the passage alone, for term rarity) and {@code source} (the outlet).
 */
final class IndexFields {

    /** The layout written; an index of another layout is rebuilt. */
    static final int FORMAT_VERSION = 3;

    static final String TEXT = "text";
    static final String BODY = "body";
    static final String SOURCE = "source";
    static final String DAY = "day";
    static final String VECTOR = "vector";
    static final String ARTICLE_ID = "article_id";
    static final String CONTENT_HASH = "content_hash";
    static final String ORDINAL = "ordinal";
    /**
     * The passage's sentences, as uncompressed doc values: the answer path reads dozens of passages per question,
     * and a stored-fields read decompresses a block each time (about 30 µs warm, 200 µs cold, against about 1 µs).
     */
    static final String SENTENCES = "sentences";
    static final String URL = "url";
    static final String TITLE = "title";
    static final String DATE = "date";
    /** The publication as the article gives it (a day or a date-time), for a set restored from its index. */
    static final String PUBLISHED = "published";
    static final String AUTHOR = "author";
    /** Undated articles sort before every day, so a date filter leaves them in, as the in-memory index did. */
    static final long UNDATED = Long.MIN_VALUE;

    /**
     * Dot product, since every vector is of unit length (the embedders normalise, {@link PassageWriter} checks):
     * the same ranking as cosine without normalising again at every comparison.
     */
    static final VectorSimilarityFunction SIMILARITY = VectorSimilarityFunction.DOT_PRODUCT;

    private static final String FORMAT = "newsbot.format";
    private static final String MODEL = "newsbot.model";
    private static final String DIMENSION = "newsbot.dimension";
    private static final String SPLITTER = "newsbot.splitter";
    private static final String SET_NAME = "newsbot.set";
    private static final String SET_VERSION = "newsbot.version";
    private static final String CREATED = "newsbot.created";
    private static final String SOURCES = "newsbot.sources";
    /** "false" for flat vectors; absent in indexes made before they could be (all with a graph). */
    private static final String VECTOR_GRAPH = "newsbot.vectorGraph";

    private IndexFields() {
    }

    /** One passage's document; {@code heading} and {@code body} are already analysed terms. */
    static Document document(Passage passage, Article article, String contentHash, List<String> heading,
                             List<String> body, float[] vector) {
        Document doc = new Document();
        doc.add(new TextField(TEXT, new TermStream(heading, body)));
        doc.add(new TextField(BODY, new TermStream(List.of(), body)));
        if (article.source() != null) {
            doc.add(new TextField(SOURCE, article.source(), Field.Store.YES));
        }
        long day = article.publishedDate().map(d -> d.toEpochDay()).orElse(UNDATED);
        doc.add(new LongPoint(DAY, day));
        doc.add(new KnnFloatVectorField(VECTOR, vector, SIMILARITY));
        doc.add(new StringField(ARTICLE_ID, passage.articleId(), Field.Store.YES));
        doc.add(new SortedDocValuesField(ARTICLE_ID, new BytesRef(passage.articleId())));
        doc.add(new SortedDocValuesField(CONTENT_HASH, new BytesRef(contentHash)));
        doc.add(new NumericDocValuesField(ORDINAL, passage.ordinal()));
        doc.add(new BinaryDocValuesField(SENTENCES, encode(passage.sentences())));
        doc.add(new StoredField(TITLE, article.title()));
        if (article.url() != null) {
            doc.add(new StoredField(URL, article.url()));
        }
        article.publishedDate().ifPresent(d -> doc.add(new StoredField(DATE, d.toString())));
        if (article.published() != null) {
            doc.add(new StoredField(PUBLISHED, article.published().toString()));
        }
        if (article.author() != null) {
            doc.add(new StoredField(AUTHOR, article.author()));
        }
        return doc;
    }

    /** The sentences as doc values hold them: their count, then each as a length-prefixed UTF-8 string. */
    static BytesRef encode(List<String> sentences) {
        ByteBuffersDataOutput out = new ByteBuffersDataOutput();
        try {
            out.writeVInt(sentences.size());
            for (String sentence : sentences) {
                out.writeString(sentence);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BytesRef(out.toArrayCopy());
    }

    static List<String> decode(BytesRef bytes) {
        ByteArrayDataInput in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
        try {
            String[] sentences = new String[in.readVInt()];
            for (int i = 0; i < sentences.length; i++) {
                sentences[i] = in.readString();
            }
            return List.of(sentences);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> userData(IndexHeader header) {
        Map<String, String> data = new HashMap<>();
        data.put(FORMAT, String.valueOf(FORMAT_VERSION));
        data.put(MODEL, header.settings().embeddingModel());
        data.put(DIMENSION, String.valueOf(header.settings().dimension()));
        data.put(SPLITTER, header.settings().splitterSettings());
        data.put(SET_NAME, header.setName());
        data.put(SET_VERSION, header.setVersion());
        data.put(CREATED, header.createdAt().toString());
        if (header.sources() != null) {
            data.put(SOURCES, header.sources());
        }
        data.put(VECTOR_GRAPH, String.valueOf(header.vectorGraph()));
        return data;
    }

    /** The header in a commit's user data, or null when it is not one this code wrote. */
    static IndexHeader header(Map<String, String> data) {
        if (!String.valueOf(FORMAT_VERSION).equals(data.get(FORMAT))) {
            return null;
        }
        try {
            return new IndexHeader(new IndexSettings(data.get(MODEL), Integer.parseInt(data.get(DIMENSION)),
                    data.get(SPLITTER)), data.get(SET_NAME), data.get(SET_VERSION), Instant.parse(data.get(CREATED)),
                    data.get(SOURCES), !"false".equals(data.get(VECTOR_GRAPH)));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The format version a commit says it has, or "none". */
    static String formatOf(Map<String, String> data) {
        return data.getOrDefault(FORMAT, "none");
    }

    /** Replays already analysed terms, those of {@code first} and then of {@code second}, one position apart. */
    private static final class TermStream extends TokenStream {

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final List<String> first;
        private final List<String> second;
        private int next;

        TermStream(List<String> first, List<String> second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public boolean incrementToken() {
            if (next >= first.size() + second.size()) {
                return false;
            }
            clearAttributes();
            term.setEmpty().append(next < first.size() ? first.get(next) : second.get(next - first.size()));
            next++;
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            next = 0;
        }
    }
}
