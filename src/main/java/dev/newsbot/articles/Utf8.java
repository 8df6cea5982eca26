package dev.newsbot.articles;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Strict UTF-8 decoding: a byte sequence that is not UTF-8 is a problem naming its line, never a replacement
 * character. A leading byte order mark is dropped and CRLF line ends become LF.
 */
final class Utf8 {

    private Utf8() {
    }

    static Optional<String> decode(Path file, byte[] bytes, List<Problem> problems) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            problems.add(badByte(file, bytes, in.position()));
            return Optional.empty();
        }
        String text = out.flip().toString();
        return Optional.of((text.startsWith("\uFEFF") ? text.substring(1) : text).replace("\r\n", "\n"));
    }

    private static Problem badByte(Path file, byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            line += bytes[i] == '\n' ? 1 : 0;
        }
        return new Problem(file, line, null, String.format(
                "not valid UTF-8: byte 0x%02X at offset %d; save the file as UTF-8", bytes[offset] & 0xFF, offset));
    }
}
