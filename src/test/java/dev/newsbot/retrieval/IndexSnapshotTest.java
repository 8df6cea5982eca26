package dev.newsbot.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexSnapshotTest {

    private static final SnapshotSettings SETTINGS =
            new SnapshotSettings("all-MiniLM-L6-v2-q", 8, "sentences;maxTokens=200;overlap=1");

    @TempDir
    Path directory;

    @Test
    void should_read_back_what_it_wrote() {
        Path file = directory.resolve("world.snapshot");
        SnapshotContents written = contents("2024-05-01", 3, 4);

        IndexSnapshot.write(file, written);
        SnapshotContents read = IndexSnapshot.read(file, SETTINGS);

        assertThat(read).isEqualTo(written);
        assertThat(read.header()).isEqualTo(written.header());
        assertThat(read.passages()).isEqualTo(written.passages());
        assertThat(read.vectors()).containsExactly(written.vectors());
        assertThat(read.vector(5)).containsExactly(written.vector(5));
    }

    @Test
    void should_keep_non_ascii_text_and_sentences_longer_than_the_read_buffer() {
        Path file = directory.resolve("text.snapshot");
        String huge = "x".repeat(3_000_000);
        List<Passage> passages = List.of(
                new Passage("a", 0, List.of("Zürich — 東京 🙂 crowds.", "Ǆ lone surrogate \uD800 here.")),
                new Passage("a", 1, List.of(huge, "After the huge one.")));
        SnapshotContents written = new SnapshotContents(header(SETTINGS, "v"),
                List.of(new SnapshotArticle("a", "h")), passages, randomVectors(new Random(1), 2, 8));

        IndexSnapshot.write(file, written);
        SnapshotContents read = IndexSnapshot.read(file, SETTINGS);

        assertThat(read.passages().get(0).sentences())
                .containsExactly("Zürich — 東京 🙂 crowds.", "Ǆ lone surrogate ? here.");
        assertThat(read.passages().get(1).sentences()).containsExactly(huge, "After the huge one.");
    }

    @Test
    void should_round_trip_an_empty_set() {
        Path file = directory.resolve("empty.snapshot");
        SnapshotContents empty = new SnapshotContents(header(SETTINGS, "0"), List.of(), List.of(), new float[0]);

        IndexSnapshot.write(file, empty);

        assertThat(IndexSnapshot.read(file, SETTINGS)).isEqualTo(empty);
    }

    @Test
    void should_end_the_file_with_the_crc32c_of_everything_before_it() throws IOException {
        Path file = directory.resolve("world.snapshot");
        IndexSnapshot.write(file, contents("1", 2, 2));

        byte[] bytes = Files.readAllBytes(file);
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 4);

        assertThat(bytes).startsWith(0x89, 'N', 'B', 'I', 'D', 'X', '\r', '\n');
        assertThat(ByteBuffer.wrap(bytes, bytes.length - 4, 4).getInt()).isEqualTo((int) crc.getValue());
        assertThat(ByteBuffer.wrap(bytes, 12, 8).getLong()).isEqualTo(bytes.length);
    }

    @Test
    void should_read_a_version_1_file_written_earlier() throws IOException {
        Path file = directory.resolve("v1.snapshot");
        try (InputStream fixture = Objects.requireNonNull(
                getClass().getResourceAsStream("/dev/newsbot/retrieval/snapshot-format-1.bin"))) {
            Files.copy(fixture, file);
        }

        SnapshotContents read = IndexSnapshot.read(file, SETTINGS);

        assertThat(read).isEqualTo(contents("fixture-1", 2, 2));
    }

    @Test
    void should_replace_an_older_snapshot_and_leave_no_temporary_file() throws IOException {
        Path file = directory.resolve("world.snapshot");
        IndexSnapshot.write(file, contents("1", 2, 2));

        IndexSnapshot.write(file, contents("2", 3, 1));

        assertThat(IndexSnapshot.read(file, SETTINGS).header().setVersion()).isEqualTo("2");
        assertThat(filesIn(directory)).containsExactly(file);
    }

    /** Issue 13, defect 1 (data loss): writing a snapshot over a file that is not one replaced the file. */
    @Test
    void snapshotWriterRefusesToOverwriteAFileThatIsNotASnapshot() throws IOException {
        String articles = "{\"id\": \"a\", \"title\": \"T\", \"body\": \"B.\"}\n";
        Path articleFile = Files.writeString(directory.resolve("news.jsonl"), articles);
        Path notes = Files.writeString(directory.resolve("NOTES.md"), "# Notes\n");
        Path empty = Files.createFile(directory.resolve("empty.newsbot-index"));
        Path folder = Files.createDirectory(directory.resolve("folder.newsbot-index"));

        for (Path target : List.of(articleFile, notes, empty, folder)) {
            SnapshotException error = catchThrowableOfType(() -> IndexSnapshot.write(target, contents("1", 1, 1)),
                    SnapshotException.class);

            assertThat(error).as("%s", target).isNotNull();
            assertThat(error.reason()).isEqualTo(SnapshotException.Reason.NOT_A_SNAPSHOT);
            assertThat(error.getMessage()).startsWith("refuse to overwrite " + target
                    + ": it is not a newsbot snapshot").doesNotContain("\n");
        }
        assertThat(Files.readString(articleFile)).isEqualTo(articles);
        assertThat(Files.readString(notes)).isEqualTo("# Notes\n");
        assertThat(empty).isEmptyFile();
        assertThat(folder).isEmptyDirectory();
        assertThat(filesIn(directory)).containsExactlyInAnyOrder(articleFile, notes, empty, folder);
    }

    @Test
    void snapshotWriterStillReplacesOurOwnSnapshotEvenWhenDamaged() throws IOException {
        Path file = directory.resolve("world.snapshot");
        IndexSnapshot.write(file, contents("1", 2, 2));
        Files.write(file, Arrays.copyOf(Files.readAllBytes(file), 40));

        IndexSnapshot.checkReplaceable(file);
        IndexSnapshot.write(file, contents("2", 3, 1));

        assertThat(IndexSnapshot.read(file, SETTINGS).header().setVersion()).isEqualTo("2");
    }

    @Test
    void should_create_missing_parent_directories() {
        Path file = directory.resolve("sets/world/index.snapshot");

        IndexSnapshot.write(file, contents("1", 1, 1));

        assertThat(IndexSnapshot.read(file, SETTINGS).articles()).hasSize(1);
    }

    @Test
    void should_report_a_checksum_mismatch_for_a_changed_byte_in_the_middle() throws IOException {
        Path file = directory.resolve("world.snapshot");
        IndexSnapshot.write(file, contents("1", 4, 3));
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(file, bytes);

        SnapshotException error = readFailure(file, SETTINGS);

        assertThat(error.reason()).isEqualTo(SnapshotException.Reason.CHECKSUM_MISMATCH);
        assertThat(error).hasMessageStartingWith("Snapshot " + file + ": checksum mismatch, stored ");
    }

    @Test
    void should_report_a_truncated_file() throws IOException {
        Path file = directory.resolve("world.snapshot");
        IndexSnapshot.write(file, contents("1", 4, 3));
        byte[] bytes = Files.readAllBytes(file);

        for (int length : new int[] {bytes.length - 1, bytes.length / 2, 30, 19, 5, 0}) {
            Files.write(file, Arrays.copyOf(bytes, length));

            SnapshotException error = readFailure(file, SETTINGS);

            assertThat(error.reason()).as("cut to %d bytes", length).isEqualTo(SnapshotException.Reason.TRUNCATED);
        }
    }

    @Test
    void should_say_how_short_a_truncated_file_is() throws IOException {
        Path file = directory.resolve("world.snapshot");
        IndexSnapshot.write(file, contents("1", 4, 3));
        long size = Files.size(file);
        Files.write(file, Arrays.copyOf(Files.readAllBytes(file), 100));

        assertThat(readFailure(file, SETTINGS))
                .hasMessage("Snapshot " + file + ": has 100 bytes but should have " + size);
    }

    @Test
    void should_report_a_file_that_is_not_a_snapshot() throws IOException {
        Path file = directory.resolve("articles.jsonl");
        Files.writeString(file, "{\"id\": \"a\", \"title\": \"Not a snapshot\"}\n");

        SnapshotException error = readFailure(file, SETTINGS);

        assertThat(error.reason()).isEqualTo(SnapshotException.Reason.BAD_MAGIC);
        assertThat(error).hasMessage("Snapshot " + file + ": does not start with the snapshot magic bytes");
    }

    @Test
    void should_report_another_format_version() throws IOException {
        Path file = directory.resolve("world.snapshot");
        IndexSnapshot.write(file, contents("1", 1, 1));
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer.wrap(bytes).putInt(8, 2);
        Files.write(file, bytes);

        SnapshotException error = readFailure(file, SETTINGS);

        assertThat(error.reason()).isEqualTo(SnapshotException.Reason.UNSUPPORTED_VERSION);
        assertThat(error).hasMessage("Snapshot " + file + ": has format version 2 but only version 1 can be read");
    }

    @Test
    void should_report_a_missing_file() {
        Path file = directory.resolve("nowhere.snapshot");

        SnapshotException error = readFailure(file, SETTINGS);

        assertThat(error.reason()).isEqualTo(SnapshotException.Reason.MISSING);
        assertThat(error.file()).isEqualTo(file);
        assertThat(error).hasMessage("Snapshot " + file + ": no such file");
    }

    @Test
    void should_name_the_embedding_model_when_it_differs() {
        Path file = written();

        // Both models give 384 dimensions and share a tokenizer: only the name keeps one's snapshot from the other.
        SnapshotException error = readFailure(file, new SnapshotSettings(BgeSmallEmbedder.MODEL_NAME,
                SETTINGS.dimension(), SETTINGS.splitterSettings()));

        assertThat(error.reason()).isEqualTo(SnapshotException.Reason.SETTINGS_MISMATCH);
        assertThat(error).hasMessage("Snapshot " + file + ": was built with other settings: embeddingModel is "
                + "'all-MiniLM-L6-v2-q' in the file but 'bge-small-en-v1.5-q' is expected");
    }

    @Test
    void should_name_the_dimension_when_it_differs() {
        Path file = written();

        SnapshotException error = readFailure(file, new SnapshotSettings(SETTINGS.embeddingModel(), 384,
                SETTINGS.splitterSettings()));

        assertThat(error.reason()).isEqualTo(SnapshotException.Reason.SETTINGS_MISMATCH);
        assertThat(error).hasMessageEndingWith("dimension is '8' in the file but '384' is expected");
    }

    @Test
    void should_name_the_splitter_settings_when_they_differ() {
        Path file = written();

        SnapshotException error = readFailure(file, new SnapshotSettings(SETTINGS.embeddingModel(), 8,
                "sentences;maxTokens=128;overlap=0"));

        assertThat(error.reason()).isEqualTo(SnapshotException.Reason.SETTINGS_MISMATCH);
        assertThat(error).hasMessageEndingWith("splitterSettings is 'sentences;maxTokens=200;overlap=1' in the file "
                + "but 'sentences;maxTokens=128;overlap=0' is expected");
    }

    @Test
    void should_leave_the_previous_snapshot_intact_when_writing_fails_half_way() throws IOException {
        Path file = directory.resolve("world.snapshot");
        IndexSnapshot.write(file, contents("1", 3, 2));
        byte[] before = Files.readAllBytes(file);

        Throwable error = catchThrowableOfType(() -> IndexSnapshot.write(file, contents("2", 40, 5),
                out -> new FailingAfter(out, 2_000, () -> new IOException("No space left on device"))),
                SnapshotException.class);

        assertThat(error).hasMessageContaining("No space left on device");
        assertThat(((SnapshotException) error).reason()).isEqualTo(SnapshotException.Reason.IO_ERROR);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(filesIn(directory)).containsExactly(file);
    }

    @Test
    void should_leave_the_previous_snapshot_intact_when_the_writer_crashes_half_way() throws IOException {
        Path file = directory.resolve("world.snapshot");
        IndexSnapshot.write(file, contents("1", 3, 2));
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> IndexSnapshot.write(file, contents("2", 40, 5),
                out -> new FailingAfter(out, 5_000, () -> new IllegalStateException("crash"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("crash");

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(filesIn(directory)).containsExactly(file);
    }

    @Test
    void should_reject_contents_whose_passage_has_no_article() {
        List<Passage> passages = List.of(new Passage("a", 0, List.of("One.")), new Passage("b", 0, List.of("Two.")));

        assertThatThrownBy(() -> new SnapshotContents(header(SETTINGS, "1"), List.of(new SnapshotArticle("a", "h")),
                passages, new float[16]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SnapshotContents.passages[1].articleId 'b' is not among the articles");
    }

    @Test
    void should_reject_contents_with_too_few_vectors() {
        List<Passage> passages = List.of(new Passage("a", 0, List.of("One.")));

        assertThatThrownBy(() -> new SnapshotContents(header(SETTINGS, "1"), List.of(new SnapshotArticle("a", "h")),
                passages, new float[7]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SnapshotContents.vectors has 7 floats but 1 passages of dimension 8 need 8");
    }

    private Path written() {
        Path file = directory.resolve("world.snapshot");
        IndexSnapshot.write(file, contents("1", 2, 2));
        return file;
    }

    private static SnapshotException readFailure(Path file, SnapshotSettings expected) {
        return catchThrowableOfType(() -> IndexSnapshot.read(file, expected), SnapshotException.class);
    }

    private static List<Path> filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        }
    }

    static SnapshotContents contents(String version, int articleCount, int passagesPerArticle) {
        Random random = new Random(version.hashCode());
        List<SnapshotArticle> articles = new ArrayList<>();
        List<Passage> passages = new ArrayList<>();
        for (int a = 0; a < articleCount; a++) {
            String id = "https://news.example/" + version + "/story-" + a;
            articles.add(new SnapshotArticle(id, "sha256:" + Integer.toHexString(random.nextInt())));
            for (int p = 0; p < passagesPerArticle; p++) {
                passages.add(new Passage(id, p, List.of("Sentence " + p + " of story " + a + ".",
                        "It said " + random.nextInt(1000) + " people attended.")));
            }
        }
        return new SnapshotContents(header(SETTINGS, version), articles, passages,
                randomVectors(random, passages.size(), SETTINGS.dimension()));
    }

    private static SnapshotHeader header(SnapshotSettings settings, String version) {
        return new SnapshotHeader(settings, "world", version, Instant.parse("2024-05-02T10:15:30.123456789Z"));
    }

    private static float[] randomVectors(Random random, int count, int dimension) {
        float[] vectors = new float[count * dimension];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = (float) random.nextGaussian();
        }
        return vectors;
    }

    /** Passes the first {@code limit} bytes on, then throws what {@code failure} makes. */
    private static final class FailingAfter extends FilterOutputStream {

        private final Supplier<? extends Exception> failure;
        private long left;

        FailingAfter(OutputStream out, long limit, Supplier<? extends Exception> failure) {
            super(out);
            this.left = limit;
            this.failure = failure;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (length > left) {
                out.write(bytes, offset, (int) left);
                left = 0;
                Exception e = failure.get();
                if (e instanceof IOException io) {
                    throw io;
                }
                throw (RuntimeException) e;
            }
            out.write(bytes, offset, length);
            left -= length;
        }
    }
}
