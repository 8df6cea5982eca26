package dev.newsbot.retrieval;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.zip.CRC32C;

/** Reads one file in the {@link IndexSnapshot} layout, checking it before trusting any of its content. */
final class SnapshotReader {

    private static final int CHECKSUM_BUFFER_BYTES = 1 << 20;

    private final Path file;
    private final FileChannel channel;

    SnapshotReader(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    SnapshotContents read(SnapshotSettings expected) throws IOException {
        long size = channel.size();
        checkPrefix(size);
        checkChecksum(size);
        SnapshotInput in = new SnapshotInput(file, channel, IndexSnapshot.PREFIX_LENGTH,
                size - IndexSnapshot.TRAILER_LENGTH);
        SnapshotHeader header = readHeader(in);
        checkSettings(header.settings(), expected);
        List<SnapshotArticle> articles = readArticles(in);
        List<Passage> passages = readPassages(in, articles);
        float[] vectors = readVectors(in, passages.size(), header.settings().dimension());
        if (in.remaining() != 0) {
            throw in.corrupt(in.remaining() + " unexpected bytes after the vectors");
        }
        try {
            return new SnapshotContents(header, articles, passages, vectors);
        } catch (IllegalArgumentException e) {
            throw in.corrupt(e.getMessage());
        }
    }

    private void checkPrefix(long size) throws IOException {
        ByteBuffer prefix = readAt(0, (int) Math.min(size, IndexSnapshot.PREFIX_LENGTH));
        byte[] magic = new byte[Math.min(prefix.remaining(), IndexSnapshot.MAGIC.length)];
        prefix.get(magic);
        if (!Arrays.equals(magic, Arrays.copyOf(IndexSnapshot.MAGIC, magic.length))) {
            throw fail(SnapshotException.Reason.BAD_MAGIC, "does not start with the snapshot magic bytes");
        }
        if (size < IndexSnapshot.PREFIX_LENGTH) {
            throw fail(SnapshotException.Reason.TRUNCATED, "has only " + size + " bytes");
        }
        int version = prefix.getInt();
        if (version != IndexSnapshot.FORMAT_VERSION) {
            throw fail(SnapshotException.Reason.UNSUPPORTED_VERSION, "has format version " + version
                    + " but only version " + IndexSnapshot.FORMAT_VERSION + " can be read");
        }
        long declared = prefix.getLong();
        if (size < declared) {
            throw fail(SnapshotException.Reason.TRUNCATED, "has " + size + " bytes but should have " + declared);
        }
        if (size > declared || declared < IndexSnapshot.PREFIX_LENGTH + IndexSnapshot.TRAILER_LENGTH) {
            throw fail(SnapshotException.Reason.CORRUPT, "has " + size + " bytes but its header says " + declared);
        }
    }

    private void checkChecksum(long size) throws IOException {
        long contentEnd = size - IndexSnapshot.TRAILER_LENGTH;
        CRC32C crc = new CRC32C();
        ByteBuffer buffer = ByteBuffer.allocateDirect(CHECKSUM_BUFFER_BYTES);
        for (long position = 0; position < contentEnd; ) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), contentEnd - position));
            position += readFully(buffer, position);
            crc.update(buffer.flip());
        }
        int stored = readAt(contentEnd, IndexSnapshot.TRAILER_LENGTH).getInt();
        int computed = (int) crc.getValue();
        if (stored != computed) {
            throw fail(SnapshotException.Reason.CHECKSUM_MISMATCH, String.format(
                    "checksum mismatch, stored %08x but the content gives %08x", stored, computed));
        }
    }

    private SnapshotHeader readHeader(SnapshotInput in) throws IOException {
        String model = in.readString("embedding model");
        int dimension = in.readInt();
        String splitter = in.readString("splitter settings");
        String setName = in.readString("set name");
        String setVersion = in.readString("set version");
        long seconds = in.readLong();
        int nanos = in.readInt();
        try {
            return new SnapshotHeader(new SnapshotSettings(model, dimension, splitter), setName, setVersion,
                    Instant.ofEpochSecond(seconds, nanos));
        } catch (IllegalArgumentException | DateTimeException e) {
            throw in.corrupt("invalid header: " + e.getMessage());
        }
    }

    private void checkSettings(SnapshotSettings actual, SnapshotSettings expected) {
        List<String> differences = new ArrayList<>();
        compare(differences, "embeddingModel", actual.embeddingModel(), expected.embeddingModel());
        compare(differences, "dimension", actual.dimension(), expected.dimension());
        compare(differences, "splitterSettings", actual.splitterSettings(), expected.splitterSettings());
        if (!differences.isEmpty()) {
            throw fail(SnapshotException.Reason.SETTINGS_MISMATCH, "was built with other settings: "
                    + String.join("; ", differences));
        }
    }

    private static void compare(List<String> differences, String field, Object actual, Object expected) {
        if (!Objects.equals(actual, expected)) {
            differences.add(field + " is '" + actual + "' in the file but '" + expected + "' is expected");
        }
    }

    private static List<SnapshotArticle> readArticles(SnapshotInput in) throws IOException {
        int count = in.readCount("article", 2 * Integer.BYTES);
        List<SnapshotArticle> articles = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            articles.add(new SnapshotArticle(in.readString("article id"), in.readString("content hash")));
        }
        return articles;
    }

    private static List<Passage> readPassages(SnapshotInput in, List<SnapshotArticle> articles) throws IOException {
        int count = in.readCount("passage", 4 * Integer.BYTES);
        List<Passage> passages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int article = in.readInt();
            if (article < 0 || article >= articles.size()) {
                throw in.corrupt("passage " + i + " refers to article " + article + " of " + articles.size());
            }
            int ordinal = in.readInt();
            String[] sentences = new String[in.readCount("sentence", Integer.BYTES)];
            for (int s = 0; s < sentences.length; s++) {
                sentences[s] = in.readString("sentence");
            }
            try {
                passages.add(new Passage(articles.get(article).articleId(), ordinal, Arrays.asList(sentences)));
            } catch (IllegalArgumentException e) {
                throw in.corrupt("passage " + i + " is invalid: " + e.getMessage());
            }
        }
        return passages;
    }

    private static float[] readVectors(SnapshotInput in, int passages, int dimension) throws IOException {
        long floats = (long) passages * dimension;
        if (floats * Float.BYTES != in.remaining() || floats > Integer.MAX_VALUE - 8) {
            throw in.corrupt(passages + " vectors of dimension " + dimension + " need " + floats * Float.BYTES
                    + " bytes but " + in.remaining() + " are left");
        }
        float[] vectors = new float[(int) floats];
        in.readFloats(vectors);
        return vectors;
    }

    private ByteBuffer readAt(long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        readFully(buffer, position);
        return buffer.flip();
    }

    private int readFully(ByteBuffer buffer, long position) throws IOException {
        int total = 0;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, position + total);
            if (read < 0) {
                throw fail(SnapshotException.Reason.TRUNCATED, "ends while being read");
            }
            total += read;
        }
        return total;
    }

    private SnapshotException fail(SnapshotException.Reason reason, String detail) {
        return new SnapshotException(file, reason, detail);
    }
}
