package dev.newsbot.articles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The one reader of article text: a byte stream read line by line as strict UTF-8, within {@link ArticleLimits}.
 * It holds one line at a time, never the file.
 *
 * <ul>
 *   <li>A file that looks like UTF-16 (a UTF-16 byte order mark, or NUL bytes in every other position) is one
 *       problem, and nothing of it is read.</li>
 *   <li>A byte sequence that is not UTF-8 is a problem naming its line and offset, never a replacement
 *       character; the rest of the file is not read.</li>
 *   <li>A line over {@link ArticleLimits#lineBytes()} is a problem naming its line and size; it is skipped, the
 *       lines after it are read.</li>
 *   <li>More bytes than {@link ArticleLimits#fileBytes()} (a file that grew after it was measured) is a problem;
 *       the rest is not read.</li>
 * </ul>
 * A leading UTF-8 byte order mark is dropped; lines end at LF, and a CR before it is dropped.
 */
final class BoundedLines {

    /** One line: its 1-based number and its text without the line end. */
    record Line(int number, String text) {
    }

    static final int SNIFF_BYTES = 4096;
    private static final int CHUNK = 64 * 1024;

    private final Path file;
    private final InputStream in;
    private final ArticleLimits limits;
    private final List<Problem> problems;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    private final byte[] chunk = new byte[CHUNK];
    private int chunkPosition;
    private int chunkEnd;
    private long consumed;
    private byte[] line = new byte[256];
    private int lineLength;
    private CharBuffer chars = CharBuffer.allocate(256);
    private int number;
    private boolean started;
    private boolean stopped;
    private boolean sawText;

    /** @param problems where every problem found while reading is added */
    BoundedLines(Path file, InputStream in, ArticleLimits limits, List<Problem> problems) {
        this.file = file;
        this.in = in;
        this.limits = limits;
        this.problems = problems;
    }

    /** The next line, or null at the end of the file or once a problem stopped the reading. */
    Line next() throws IOException {
        if (!started && !start()) {
            return null;
        }
        while (!stopped) {
            long lineStart = consumed - (chunkEnd - chunkPosition);
            long size = readLine();
            if (size < 0) {
                return null;
            }
            number++;
            if (size > limits.lineBytes()) {
                problems.add(new Problem(file, number, null, limits.lineTooLong(number, size)));
                continue;
            }
            String text = decode(lineStart);
            if (text != null) {
                sawText |= !text.isBlank();
                return new Line(number, text);
            }
        }
        return null;
    }

    /** Reads the lines left, reporting their problems as {@link #next()} would, and keeping none. */
    void skipRest() throws IOException {
        Line line = next();
        while (line != null) {
            line = next();
        }
    }

    /** True when some line held more than white space. */
    boolean sawText() {
        return sawText;
    }

    /** Reads the first chunk, refuses UTF-16 and skips a UTF-8 byte order mark; false when nothing may be read. */
    private boolean start() throws IOException {
        started = true;
        boolean more = true;
        while (more && chunkEnd < SNIFF_BYTES) {
            more = fill(chunkEnd); // a stream may hand out less than asked for; sniff a full sample if there is one
        }
        if (looksLikeUtf16(chunk, chunkEnd)) {
            problems.add(new Problem(file, 0, null, "looks like UTF-16; save it as UTF-8"));
            stopped = true;
            return false;
        }
        if (chunkEnd >= 3 && (chunk[0] & 0xFF) == 0xEF && (chunk[1] & 0xFF) == 0xBB && (chunk[2] & 0xFF) == 0xBF) {
            chunkPosition = 3;
        }
        return !stopped;
    }

    /**
     * A UTF-16 byte order mark, or text whose NUL bytes fall on one parity only: ASCII in UTF-16 has a NUL in
     * every other byte, while UTF-8 text has none.
     */
    static boolean looksLikeUtf16(byte[] bytes, int length) {
        if (length >= 2 && ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE
                || (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF)) {
            return true;
        }
        int sample = Math.min(length, SNIFF_BYTES) & ~1;
        int even = 0;
        int odd = 0;
        for (int i = 0; i < sample; i++) {
            if (bytes[i] == 0) {
                even += 1 - (i & 1);
                odd += i & 1;
            }
        }
        int pairs = sample / 2;
        int most = Math.max(even, odd);
        return pairs > 0 && most * 4 >= pairs && Math.min(even, odd) * 10 <= most;
    }

    /**
     * Reads up to the next LF into {@code line}, keeping at most the line limit's bytes.
     *
     * @return the size of the whole line in bytes (more than kept when it is over the limit), or -1 at the end
     */
    private long readLine() throws IOException {
        lineLength = 0;
        long size = 0;
        boolean any = false;
        while (true) {
            if (chunkPosition == chunkEnd && !fill(0)) {
                return stopped || !any ? -1 : size;
            }
            any = true;
            int newline = indexOf(chunk, (byte) '\n', chunkPosition, chunkEnd);
            int end = newline < 0 ? chunkEnd : newline;
            keep(end - chunkPosition, size);
            size += end - chunkPosition;
            chunkPosition = newline < 0 ? chunkEnd : newline + 1;
            if (newline >= 0) {
                return size;
            }
        }
    }

    private void keep(int count, long sizeSoFar) {
        if (sizeSoFar + count > limits.lineBytes()) {
            return;
        }
        if (lineLength + count > line.length) {
            line = Arrays.copyOf(line, (int) Math.min(limits.lineBytes(), Math.max(2L * line.length,
                    lineLength + count)));
        }
        System.arraycopy(chunk, chunkPosition, line, lineLength, count);
        lineLength += count;
    }

    /** Reads more bytes into the chunk from {@code offset}; false at the end or when over the file limit. */
    private boolean fill(int offset) throws IOException {
        int read = in.read(chunk, offset, chunk.length - offset);
        if (read <= 0) {
            return false;
        }
        consumed += read;
        if (consumed > limits.fileBytes()) {
            problems.add(new Problem(file, 0, null, limits.fileOverLimit()));
            stopped = true;
            return false;
        }
        if (offset == 0) {
            chunkPosition = 0;
        }
        chunkEnd = offset + read;
        return true;
    }

    /** The kept line as text without its CR, or null after reporting a byte that is not UTF-8. */
    private String decode(long lineStart) {
        int length = lineLength > 0 && line[lineLength - 1] == '\r' ? lineLength - 1 : lineLength;
        if (chars.capacity() < length) {
            chars = CharBuffer.allocate(Math.max(length, 2 * chars.capacity()));
        }
        chars.clear();
        decoder.reset();
        ByteBuffer bytes = ByteBuffer.wrap(line, 0, length);
        CoderResult result = decoder.decode(bytes, chars, true);
        if (!result.isError()) {
            result = decoder.flush(chars);
        }
        if (result.isError()) {
            problems.add(new Problem(file, number, null, String.format(
                    "not valid UTF-8: byte 0x%02X at offset %d; save the file as UTF-8",
                    line[bytes.position()] & 0xFF, lineStart + bytes.position())));
            stopped = true;
            return null;
        }
        return chars.flip().toString();
    }

    private static int indexOf(byte[] bytes, byte wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
