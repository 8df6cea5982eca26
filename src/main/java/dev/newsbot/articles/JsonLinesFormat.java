package dev.newsbot.articles;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * JSON Lines: one JSON object per line with the fields {@code id, url, title, source, published, author, body},
 * every value a string or null. Blank lines are skipped. Each line is read on its own, so one malformed line
 * does not hide the problems of the others, and handed on before the next is read.
 */
final class JsonLinesFormat implements ArticleFormat {

    private final JsonFactory json;
    private final FieldReader fields = new FieldReader(FieldReader.ARTICLE_FIELDS, false, Map.of());

    /** @param limits the line limit; Jackson's own string limit is raised to it so a line is never cut short */
    JsonLinesFormat(ArticleLimits limits) {
        int longest = Math.max(StreamReadConstraints.DEFAULT_MAX_STRING_LEN, limits.lineBytes());
        this.json = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(longest).build())
                .build();
    }

    @Override
    public void read(Path file, BoundedLines lines, List<Problem> problems, Consumer<RawRecord> sink)
            throws IOException {
        for (BoundedLines.Line line = lines.next(); line != null; line = lines.next()) {
            if (!line.text().isBlank()) {
                readLine(file, line.number(), line.text(), problems).ifPresent(sink);
            }
        }
    }

    private Optional<RawRecord> readLine(Path file, int line, String text, List<Problem> problems) {
        try (JsonParser parser = json.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                problems.add(new Problem(file, line, null, "expected a JSON object {...}, found " + first));
                return Optional.empty();
            }
            RawRecord record = new RawRecord(file, line);
            fields.read(parser, record, line - 1, problems);
            if (parser.nextToken() != null) {
                problems.add(new Problem(file, line, null, "malformed JSON: more text after the object at column "
                        + parser.currentTokenLocation().getColumnNr()));
                return Optional.empty();
            }
            return Optional.of(record);
        } catch (JsonProcessingException e) {
            problems.add(new Problem(file, line, null, malformed(e)));
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        }
    }

    private static String malformed(JsonProcessingException e) {
        String message = e.getOriginalMessage().lines().findFirst().orElse("unreadable")
                .replaceAll("\\s*\\(start marker at .*$", "");
        int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
        return "malformed JSON" + (column > 0 ? " at column " + column : "") + ": " + message;
    }
}
