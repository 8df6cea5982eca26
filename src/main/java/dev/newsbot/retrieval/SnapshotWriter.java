package dev.newsbot.retrieval;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/** Writes one {@link SnapshotContents} in the {@link IndexSnapshot} layout. */
final class SnapshotWriter {

    private static final int BUFFER_BYTES = 1 << 16;

    private final SnapshotContents contents;

    SnapshotWriter(SnapshotContents contents) {
        this.contents = contents;
    }

    void writeTo(OutputStream target) throws IOException {
        long length = length();
        CheckedCountingStream checked = new CheckedCountingStream(target);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(checked, BUFFER_BYTES));
        out.write(IndexSnapshot.MAGIC);
        out.writeInt(IndexSnapshot.FORMAT_VERSION);
        out.writeLong(length);
        writeHeader(out, contents.header());
        Map<String, Integer> articleIndexes = writeArticles(out, contents.articles());
        writePassages(out, contents.passages(), articleIndexes);
        writeVectors(out, contents.vectors());
        out.flush();
        int checksum = (int) checked.crc.getValue();
        out.writeInt(checksum);
        out.flush();
        if (checked.count != length) {
            throw new IllegalStateException("Snapshot writer wrote " + checked.count + " bytes but announced "
                    + length);
        }
    }

    private static void writeHeader(DataOutputStream out, SnapshotHeader header) throws IOException {
        SnapshotSettings settings = header.settings();
        writeString(out, settings.embeddingModel());
        out.writeInt(settings.dimension());
        writeString(out, settings.splitterSettings());
        writeString(out, header.setName());
        writeString(out, header.setVersion());
        out.writeLong(header.createdAt().getEpochSecond());
        out.writeInt(header.createdAt().getNano());
    }

    private static Map<String, Integer> writeArticles(DataOutputStream out, List<SnapshotArticle> articles)
            throws IOException {
        Map<String, Integer> indexes = new HashMap<>();
        out.writeInt(articles.size());
        for (SnapshotArticle article : articles) {
            indexes.put(article.articleId(), indexes.size());
            writeString(out, article.articleId());
            writeString(out, article.contentHash());
        }
        return indexes;
    }

    private static void writePassages(DataOutputStream out, List<Passage> passages, Map<String, Integer> articles)
            throws IOException {
        out.writeInt(passages.size());
        for (Passage passage : passages) {
            out.writeInt(articles.get(passage.articleId()));
            out.writeInt(passage.ordinal());
            out.writeInt(passage.sentences().size());
            for (String sentence : passage.sentences()) {
                writeString(out, sentence);
            }
        }
    }

    private static void writeVectors(DataOutputStream out, float[] vectors) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(BUFFER_BYTES);
        FloatBuffer floats = bytes.asFloatBuffer();
        for (int offset = 0; offset < vectors.length; offset += floats.capacity()) {
            int count = Math.min(floats.capacity(), vectors.length - offset);
            floats.clear();
            floats.put(vectors, offset, count);
            out.write(bytes.array(), 0, count * Float.BYTES);
        }
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private long length() {
        SnapshotHeader header = contents.header();
        long length = IndexSnapshot.PREFIX_LENGTH + stringLength(header.settings().embeddingModel()) + Integer.BYTES
                + stringLength(header.settings().splitterSettings()) + stringLength(header.setName())
                + stringLength(header.setVersion()) + Long.BYTES + Integer.BYTES;
        length += Integer.BYTES;
        for (SnapshotArticle article : contents.articles()) {
            length += stringLength(article.articleId()) + stringLength(article.contentHash());
        }
        length += Integer.BYTES;
        for (Passage passage : contents.passages()) {
            length += 3 * Integer.BYTES;
            for (String sentence : passage.sentences()) {
                length += stringLength(sentence);
            }
        }
        return length + (long) Float.BYTES * contents.vectors().length + IndexSnapshot.TRAILER_LENGTH;
    }

    /** The bytes {@link #writeString} writes, counted as {@link String#getBytes} encodes (lone surrogates as '?'). */
    static long stringLength(String value) {
        long bytes = Integer.BYTES;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += Character.isSurrogate(c) ? 1 : 3;
            }
        }
        return bytes;
    }

    /** Computes the CRC32C of, and counts, the bytes passing through. */
    private static final class CheckedCountingStream extends FilterOutputStream {

        final CRC32C crc = new CRC32C();
        long count;

        CheckedCountingStream(OutputStream target) {
            super(target);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            crc.update(b);
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            crc.update(bytes, offset, length);
            count += length;
        }
    }
}
