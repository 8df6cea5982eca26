package dev.newsbot.retrieval;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Reads big-endian values from a region of a file channel through one buffer. Running past the region's end
 * means the content contradicts itself, reported as {@link SnapshotException.Reason#CORRUPT}.
 */
final class SnapshotInput {

    private static final int BUFFER_BYTES = 1 << 20;

    private final Path file;
    private final FileChannel channel;
    private final long end;
    private final ByteBuffer buffer;
    private long filePosition;

    SnapshotInput(Path file, FileChannel channel, long start, long end) {
        this.file = file;
        this.channel = channel;
        this.end = end;
        this.filePosition = start;
        this.buffer = ByteBuffer.allocate(BUFFER_BYTES);
        buffer.limit(0);
    }

    /** Bytes left in the region. */
    long remaining() {
        return end - filePosition + buffer.remaining();
    }

    int readInt() throws IOException {
        require(Integer.BYTES);
        return buffer.getInt();
    }

    long readLong() throws IOException {
        require(Long.BYTES);
        return buffer.getLong();
    }

    /** A count of items of at least {@code minimumBytes} each that must fit in what is left. */
    int readCount(String what, int minimumBytes) throws IOException {
        int count = readInt();
        if (count < 0 || (long) count * minimumBytes > remaining()) {
            throw corrupt(what + " count " + count + " does not fit in the " + remaining() + " bytes left");
        }
        return count;
    }

    String readString(String what) throws IOException {
        int length = readCount(what + " length", 1);
        if (length <= buffer.capacity()) {
            require(length);
            String value = new String(buffer.array(), buffer.arrayOffset() + buffer.position(), length,
                    StandardCharsets.UTF_8);
            buffer.position(buffer.position() + length);
            return value;
        }
        byte[] bytes = new byte[length];
        for (int done = 0; done < length; ) {
            require(1);
            int count = Math.min(buffer.remaining(), length - done);
            buffer.get(bytes, done, count);
            done += count;
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    void readFloats(float[] target) throws IOException {
        for (int done = 0; done < target.length; ) {
            require(Float.BYTES);
            int count = Math.min(buffer.remaining() / Float.BYTES, target.length - done);
            buffer.asFloatBuffer().get(target, done, count);
            buffer.position(buffer.position() + count * Float.BYTES);
            done += count;
        }
    }

    SnapshotException corrupt(String detail) {
        return new SnapshotException(file, SnapshotException.Reason.CORRUPT, detail);
    }

    private void require(int bytes) throws IOException {
        if (buffer.remaining() >= bytes) {
            return;
        }
        buffer.compact();
        while (buffer.position() < bytes && filePosition < end) {
            buffer.limit((int) Math.min(buffer.capacity(), buffer.position() + end - filePosition));
            int read = channel.read(buffer, filePosition);
            if (read < 0) {
                break;
            }
            filePosition += read;
        }
        buffer.flip();
        if (buffer.remaining() < bytes) {
            throw corrupt("content ends early, " + bytes + " more bytes expected");
        }
    }
}
