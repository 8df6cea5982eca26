package dev.newsbot.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KeywordIndexTest {

    private final TextAnalyzer analyzer = new TextAnalyzer();
    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private static List<KeywordIndex.Entry> entries() {
        List<KeywordIndex.Entry> entries = new ArrayList<>();
        String[] titles = {"Gunmen storm Nairobi's Westgate mall", "Council passes the city's budget",
                "Rovers win the cup final"};
        String[] bodies = {"At least 59 people were killed, officials said.", "The council's vote was 7 to 2.",
                "Striker Ana Silva scored the winning goal in the 89th minute.",
                "Officials said the mall attack was carried out by Al Shabaab gunmen.",
                "The budget cuts library funding, critics said."};
        for (int row = 0; row < 9_000; row++) {
            entries.add(new KeywordIndex.Entry(row, titles[row % 3], bodies[row % 5] + " Item " + row % 97 + ".",
                    row % 4 == 0 ? null : "Reuters Wire", null));
        }
        return entries;
    }

    @Test
    void should_score_like_an_index_of_the_plainly_analysed_title_and_body() throws Exception {
        List<KeywordIndex.Entry> entries = entries();
        KeywordIndex index = KeywordIndex.build(analyzer, entries, pool, 2);
        IndexSearcher reference = reference(entries);

        for (String question : List.of("How many people were killed in the Westgate mall?", "Who scored the goal?",
                "What did critics of the council budget say?", "reuters item 42", "mall mall budget")) {
            List<Scored> hits = index.search(question, 50, null);
            ScoreDoc[] expected = reference.search(query(question), 50).scoreDocs;

            assertThat(hits).hasSize(expected.length);
            for (int i = 0; i < hits.size(); i++) {
                assertThat(hits.get(i).score()).isEqualTo(expected[i].score);
            }
        }
    }

    private IndexSearcher reference(List<KeywordIndex.Entry> entries) throws Exception {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer.luceneAnalyzer()))) {
            for (KeywordIndex.Entry entry : entries) {
                Document doc = new Document();
                doc.add(new TextField("text", entry.title() + "\n" + entry.body(), Field.Store.NO));
                doc.add(new TextField("body", entry.body(), Field.Store.NO));
                if (entry.source() != null) {
                    doc.add(new TextField("source", entry.source(), Field.Store.NO));
                }
                writer.addDocument(doc);
            }
            writer.forceMerge(1);
        }
        return new IndexSearcher(DirectoryReader.open(directory));
    }

    private BooleanQuery query(String question) {
        BooleanQuery.Builder text = new BooleanQuery.Builder();
        for (String term : new LinkedHashSet<>(analyzer.terms(question))) {
            text.add(new TermQuery(new Term("text", term)), BooleanClause.Occur.SHOULD);
            text.add(new BoostQuery(new TermQuery(new Term("source", term)), 0.5f), BooleanClause.Occur.SHOULD);
        }
        return new BooleanQuery.Builder().add(text.build(), BooleanClause.Occur.MUST).build();
    }
}
