package dev.newsbot.retrieval;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A process that starts writing a large snapshot and stops half way, never finishing, so that a test can kill it
 * mid-write. Arguments: the snapshot file, the model name, the dimension and the splitter settings.
 */
public final class StallingSnapshotWriter {

    private static final int STALL_AFTER_BYTES = 256 * 1024;

    private StallingSnapshotWriter() {
    }

    public static void main(String[] args) {
        SnapshotSettings settings = new SnapshotSettings(args[1], Integer.parseInt(args[2]), args[3]);
        int passages = 20_000;
        List<Passage> list = new ArrayList<>();
        for (int i = 0; i < passages; i++) {
            list.add(new Passage("a", i, List.of("Sentence " + i + ".")));
        }
        float[] vectors = new float[passages * settings.dimension()];
        Random random = new Random(1);
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = random.nextFloat();
        }
        SnapshotContents contents = new SnapshotContents(new SnapshotHeader(settings, "news", "crash",
                Instant.now()), List.of(new SnapshotArticle("a", "h")), list, vectors);
        IndexSnapshot.write(Path.of(args[0]), contents, out -> new FilterOutputStream(out) {
            private long written;

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                written += len;
                if (written > STALL_AFTER_BYTES) {
                    out.flush();
                    System.out.println("stalled after " + written + " bytes");
                    System.out.flush();
                    sleepForever();
                }
            }
        });
    }

    private static void sleepForever() {
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
