package dev.newsbot.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * BM25 keyword search over passages, held in memory by Lucene. Each passage is one document holding its
 * article's title, outlet and text; its publication day allows excluding articles newer than a question.
 * Immutable once built, and thread-safe.
 */
final class KeywordIndex {

    private static final String TEXT = "text";
    /** The passage without its title: term rarity is measured here, since a title repeats in every passage. */
    private static final String BODY = "body";
    private static final String SOURCE = "source";
    private static final String DAY = "day";
    private static final String ROW = "row";
    private static final float SOURCE_BOOST = 0.5f;
    private static final int CHUNK = 4096;
    /**
     * Lucene's indexing buffer. Every segment is merged into one at the end, so the size changes only how often it
     * flushes, not the index; 64 MB (was 256) leaves room for a 200 MB set's vectors in a 2 GB heap.
     */
    private static final double RAM_BUFFER_MB = 64;

    private final TextAnalyzer analyzer;
    private final IndexSearcher searcher;
    private final int[] rowOfDoc;

    private KeywordIndex(TextAnalyzer analyzer, DirectoryReader reader) {
        this.analyzer = analyzer;
        this.searcher = new IndexSearcher(reader);
        this.rowOfDoc = rowsOf(reader);
    }

    /**
     * One passage to index: its row in the set, its title and body, its outlet, and its day (may be null).
     */
    record Entry(int row, String title, String body, String source, LocalDate day) {
    }

    static KeywordIndex build(TextAnalyzer analyzer, List<Entry> entries) {
        return build(analyzer, entries, null, 1);
    }

    /**
     * Builds the index, analysing passages in parallel on {@code executor} (may be null) and the calling thread.
     * Each body is analysed once for both fields that hold it, and each title once: the text field replays the
     * title's terms and then the body's, which gives the terms and lengths that analysing "title, newline, body"
     * gives, so scores are the same.
     */
    static KeywordIndex build(TextAnalyzer analyzer, List<Entry> entries, Executor executor, int parallelism) {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        IndexWriterConfig config = new IndexWriterConfig(analyzer.luceneAnalyzer());
        config.setRAMBufferSizeMB(RAM_BUFFER_MB);
        Map<String, List<String>> titles = new ConcurrentHashMap<>();
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (int from = 0; from < entries.size(); from += CHUNK) {
                List<Entry> chunk = entries.subList(from, Math.min(entries.size(), from + CHUNK));
                List<List<String>> bodies = new ArrayList<>(Collections.nCopies(chunk.size(), null));
                SharedWork.run(executor, parallelism, chunk.size(), i -> {
                    bodies.set(i, analyzer.terms(chunk.get(i).body()));
                    titles.computeIfAbsent(chunk.get(i).title(), analyzer::terms);
                });
                for (int i = 0; i < chunk.size(); i++) {
                    writer.addDocument(document(chunk.get(i), titles.get(chunk.get(i).title()), bodies.get(i)));
                }
            }
            writer.forceMerge(1);
            writer.commit();
            return new KeywordIndex(analyzer, DirectoryReader.open(directory));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the keyword index", e);
        }
    }

    private static Document document(Entry entry, List<String> title, List<String> body) {
        Document doc = new Document();
        doc.add(new TextField(TEXT, new TermStream(title, body)));
        doc.add(new TextField(BODY, new TermStream(List.of(), body)));
        if (entry.source() != null) {
            doc.add(new TextField(SOURCE, entry.source(), Field.Store.NO));
        }
        doc.add(new LongPoint(DAY, entry.day() == null ? Long.MIN_VALUE : entry.day().toEpochDay()));
        doc.add(new NumericDocValuesField(ROW, entry.row()));
        return doc;
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

    private static int[] rowsOf(DirectoryReader reader) {
        int[] rows = new int[reader.maxDoc()];
        try {
            for (LeafReaderContext leaf : reader.leaves()) {
                NumericDocValues values = leaf.reader().getNumericDocValues(ROW);
                while (values != null && values.nextDoc() != NumericDocValues.NO_MORE_DOCS) {
                    rows[leaf.docBase + values.docID()] = (int) values.longValue();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** The best {@code k} passages for {@code question} by BM25, published on or before {@code notAfter}. */
    List<Scored> search(String question, int k, LocalDate notAfter) {
        Set<String> terms = new LinkedHashSet<>(analyzer.terms(question));
        if (terms.isEmpty()) {
            return List.of();
        }
        try {
            ScoreDoc[] docs = searcher.search(query(terms, notAfter), k).scoreDocs;
            List<Scored> hits = new ArrayList<>(docs.length);
            for (ScoreDoc doc : docs) {
                hits.add(new Scored(rowOfDoc[doc.doc], doc.score));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * How rare {@code term} is among passage bodies: BM25's idf, 0 for a term no passage has. Titles are left
     * out, as they repeat in every passage of their article.
     */
    double idf(String term) {
        try {
            long df = searcher.getIndexReader().docFreq(new Term(BODY, term));
            if (df == 0 && searcher.getIndexReader().docFreq(new Term(TEXT, term)) > 0) {
                df = searcher.getIndexReader().numDocs();
            }
            long n = searcher.getIndexReader().numDocs();
            return df == 0 ? 0 : Math.log(1 + (n - df + 0.5) / (df + 0.5));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The idf a term would have if it occurred in exactly one passage: the most a term can weigh. */
    double maxIdf() {
        long n = searcher.getIndexReader().numDocs();
        return Math.log(1 + (n - 1 + 0.5) / 1.5);
    }

    private static Query query(Set<String> terms, LocalDate notAfter) {
        BooleanQuery.Builder text = new BooleanQuery.Builder();
        for (String term : terms) {
            text.add(new TermQuery(new Term(TEXT, term)), BooleanClause.Occur.SHOULD);
            text.add(new BoostQuery(new TermQuery(new Term(SOURCE, term)), SOURCE_BOOST), BooleanClause.Occur.SHOULD);
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(text.build(), BooleanClause.Occur.MUST);
        if (notAfter != null) {
            query.add(LongPoint.newRangeQuery(DAY, Long.MIN_VALUE, notAfter.toEpochDay()), BooleanClause.Occur.FILTER);
        }
        return query.build();
    }
}
