package dev.newsbot.index;

import dev.newsbot.articles.Article;
import dev.newsbot.articles.Published;
import java.io.Closeable;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.VectorUtil;

/**
 * One opened passage index of one set version: a single Lucene segment whose document ids are the passages' rows,
 * read through the directory (memory-mapped on disk) on demand. It holds nothing per passage on the heap.
 * Thread-safe.
 */
public final class SetIndex implements Closeable {

    private final Path location;
    private final DirectoryReader reader;
    private final LeafReader leaf;
    private final IndexHeader header;

    private SetIndex(Path location, DirectoryReader reader, IndexHeader header) {
        this.location = location;
        this.reader = reader;
        this.leaf = reader.leaves().isEmpty() ? null : reader.leaves().get(0).reader();
        this.header = header;
    }

    /**
     * Opens the index in {@code directory}, which must have been built with the {@code expected} settings.
     *
     * @param location names the index in messages (null for one held in memory)
     * @param verify   whether to verify every file's checksum (reads the whole index once), for an index this
     *                 process did not just write
     * @throws IndexException when there is no index, it is damaged, or it was built with other settings
     */
    static SetIndex open(Directory directory, Path location, IndexSettings expected, boolean verify) {
        DirectoryReader reader;
        try {
            reader = DirectoryReader.open(directory);
        } catch (IndexNotFoundException e) {
            throw new IndexException(location, IndexException.Reason.MISSING, "no committed index", e);
        } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException | EOFException
                 | NoSuchFileException | FileNotFoundException e) {
            throw new IndexException(location, IndexException.Reason.CORRUPT, "damaged: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IndexException(location, IndexException.Reason.IO_ERROR, "cannot be read: " + e, e);
        }
        try {
            SetIndex index = new SetIndex(location, reader, checkedHeader(reader, location, expected));
            index.checkShape(verify);
            return index;
        } catch (RuntimeException e) {
            closeQuietly(reader);
            throw e;
        }
    }

    private static IndexHeader checkedHeader(DirectoryReader reader, Path location, IndexSettings expected) {
        Map<String, String> data = userData(reader, location);
        IndexHeader header = IndexFields.header(data);
        if (header == null) {
            throw new IndexException(location, IndexException.Reason.SETTINGS_MISMATCH, "index format "
                    + IndexFields.formatOf(data) + ", not " + IndexFields.FORMAT_VERSION);
        }
        if (!header.settings().equals(expected)) {
            throw new IndexException(location, IndexException.Reason.SETTINGS_MISMATCH, "built with " + describe(
                    header.settings()) + ", not " + describe(expected));
        }
        return header;
    }

    private static Map<String, String> userData(DirectoryReader reader, Path location) {
        try {
            return reader.getIndexCommit() == null ? Map.of() : reader.getIndexCommit().getUserData();
        } catch (IOException e) {
            throw new IndexException(location, IndexException.Reason.IO_ERROR, "cannot be read: " + e, e);
        }
    }

    private static String describe(IndexSettings settings) {
        return "model " + settings.embeddingModel() + " (" + settings.dimension() + " dimensions), splitter "
                + settings.splitterSettings();
    }

    /**
     * One segment without deletions, so document ids are rows 0 to size - 1; every passage has its vector; every
     * file matches its checksum (the whole index is read once: measured in {@code bench} as part of open_s).
     */
    private void checkShape(boolean verify) {
        if (reader.leaves().size() > 1 || reader.hasDeletions()) {
            throw new IndexException(location, IndexException.Reason.CORRUPT, "has " + reader.leaves().size()
                    + " segments" + (reader.hasDeletions() ? " and deletions" : "") + ", not one");
        }
        if (leaf == null) {
            return;
        }
        try {
            FloatVectorValues vectors = leaf.getFloatVectorValues(IndexFields.VECTOR);
            if (vectors == null || vectors.size() != leaf.maxDoc()
                    || vectors.dimension() != header.settings().dimension()) {
                throw new IndexException(location, IndexException.Reason.CORRUPT, "not every passage has a vector "
                        + "of " + header.settings().dimension() + " dimensions");
            }
            if (verify) {
                leaf.checkIntegrity();
            }
        } catch (CorruptIndexException | EOFException e) {
            throw new IndexException(location, IndexException.Reason.CORRUPT, "damaged: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IndexException(location, IndexException.Reason.IO_ERROR, "cannot be read: " + e, e);
        }
    }

    public IndexHeader header() {
        return header;
    }

    /** Where the index is, or null when it is held in memory. */
    public Path location() {
        return location;
    }

    public int size() {
        return reader.maxDoc();
    }

    DirectoryReader reader() {
        return reader;
    }

    /** The single segment; null when the index holds no passage. */
    LeafReader leaf() {
        return leaf;
    }

    Passage passage(int row) {
        Objects.checkIndex(row, size());
        try {
            SortedDocValues ids = leaf.getSortedDocValues(IndexFields.ARTICLE_ID);
            NumericDocValues ordinals = leaf.getNumericDocValues(IndexFields.ORDINAL);
            BinaryDocValues sentences = leaf.getBinaryDocValues(IndexFields.SENTENCES);
            if (!ids.advanceExact(row) || !ordinals.advanceExact(row) || !sentences.advanceExact(row)) {
                throw new IndexException(location, IndexException.Reason.CORRUPT, "row " + row
                        + " has no passage");
            }
            return new Passage(ids.lookupOrd(ids.ordValue()).utf8ToString(), (int) ordinals.longValue(),
                    IndexFields.decode(sentences.binaryValue()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of the passage's vector. */
    float[] vector(int row) {
        Objects.checkIndex(row, size());
        try {
            FloatVectorValues values = leaf.getFloatVectorValues(IndexFields.VECTOR);
            values.advance(row);
            return values.vectorValue().clone();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Dot product of {@code query} with the vectors of {@code rows} (ascending), read in one pass. */
    float[] similarities(float[] query, int[] ascendingRows) {
        float[] out = new float[ascendingRows.length];
        try {
            FloatVectorValues values = leaf.getFloatVectorValues(IndexFields.VECTOR);
            for (int i = 0; i < ascendingRows.length; i++) {
                if (values.docID() != ascendingRows[i]) {
                    values.advance(ascendingRows[i]);
                }
                out[i] = VectorUtil.dotProduct(query, values.vectorValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The rows of every article, by article id, in row order, with the content hash each was indexed with. */
    Map<String, ArticleRows> articleRows() {
        Map<String, ArticleRows> byId = new HashMap<>();
        if (leaf == null) {
            return byId;
        }
        try {
            SortedDocValues ids = leaf.getSortedDocValues(IndexFields.ARTICLE_ID);
            SortedDocValues hashes = leaf.getSortedDocValues(IndexFields.CONTENT_HASH);
            List<List<Integer>> rowsOfOrd = new ArrayList<>();
            String[] hashOfOrd = new String[ids.getValueCount()];
            for (int o = 0; o < ids.getValueCount(); o++) {
                rowsOfOrd.add(new ArrayList<>());
            }
            for (int doc = ids.nextDoc(); doc != SortedDocValues.NO_MORE_DOCS; doc = ids.nextDoc()) {
                rowsOfOrd.get(ids.ordValue()).add(doc);
                if (hashOfOrd[ids.ordValue()] == null && hashes.advanceExact(doc)) {
                    hashOfOrd[ids.ordValue()] = hashes.lookupOrd(hashes.ordValue()).utf8ToString();
                }
            }
            for (int o = 0; o < rowsOfOrd.size(); o++) {
                int[] rows = rowsOfOrd.get(o).stream().mapToInt(Integer::intValue).toArray();
                byId.put(ids.lookupOrd(o).utf8ToString(), new ArticleRows(hashOfOrd[o], rows));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byId;
    }

    /**
     * The articles the index holds, in row order (the order they were loaded in), from its stored fields: id, title,
     * outlet, url, publication and author as the article had them. The body is the text of the article's first
     * passage only: the answer path reads passages, never bodies, and a reload reads the files again, so restoring
     * whole bodies (tens of megabytes of text for a real set) would only slow a start. For serving a set without
     * reading its files.
     *
     * @throws IndexException with reason CORRUPT when an article's passages are not together or lack a field
     */
    List<Article> articles() {
        List<Article> articles = new ArrayList<>();
        if (leaf == null) {
            return articles;
        }
        try {
            SortedDocValues ids = leaf.getSortedDocValues(IndexFields.ARTICLE_ID);
            BinaryDocValues sentences = leaf.getBinaryDocValues(IndexFields.SENTENCES);
            StoredFields stored = leaf.storedFields();
            Set<Integer> seen = new HashSet<>();
            int ord = -1;
            for (int doc = 0; doc < leaf.maxDoc(); doc++) {
                if (!ids.advanceExact(doc)) {
                    throw new IndexException(location, IndexException.Reason.CORRUPT, "row " + doc
                            + " has no article id");
                }
                if (ids.ordValue() == ord) {
                    continue;
                }
                ord = ids.ordValue();
                String id = ids.lookupOrd(ord).utf8ToString();
                if (!seen.add(ord)) {
                    throw new IndexException(location, IndexException.Reason.CORRUPT, "the passages of article '"
                            + id + "' are not together");
                }
                if (!sentences.advanceExact(doc)) {
                    throw new IndexException(location, IndexException.Reason.CORRUPT, "row " + doc
                            + " has no passage");
                }
                String body = String.join(" ", IndexFields.decode(sentences.binaryValue()));
                articles.add(article(id, stored.document(doc, STORED), body));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return articles;
    }

    private static final Set<String> STORED = Set.of(IndexFields.TITLE, IndexFields.SOURCE, IndexFields.URL,
            IndexFields.PUBLISHED, IndexFields.DATE, IndexFields.AUTHOR);

    private Article article(String id, Document doc, String body) {
        String published = doc.get(IndexFields.PUBLISHED) != null ? doc.get(IndexFields.PUBLISHED)
                : doc.get(IndexFields.DATE);
        try {
            return new Article(id, doc.get(IndexFields.TITLE), doc.get(IndexFields.SOURCE), doc.get(IndexFields.URL),
                    published == null ? null : Published.parse(published), doc.get(IndexFields.AUTHOR),
                    body);
        } catch (RuntimeException e) {
            throw new IndexException(location, IndexException.Reason.CORRUPT, "article '" + id + "' cannot be "
                    + "restored: " + e.getMessage(), e);
        }
    }

    /** The rows of one article's passages, and the content hash the article had when they were made. */
    record ArticleRows(String contentHash, int[] rows) {
    }

    /** Bytes of the index's files. */
    public long bytes() {
        long bytes = 0;
        try {
            for (String file : reader.directory().listAll()) {
                bytes += reader.directory().fileLength(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes;
    }

    @Override
    public void close() {
        closeQuietly(reader);
    }

    private static void closeQuietly(DirectoryReader reader) {
        try {
            reader.close();
        } catch (IOException e) {
            // Nothing is written through a reader; a failed close loses nothing.
        }
    }
}
