package dev.newsbot.articles;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * JSON Lines: one JSON object per line with the fields {@code id, url, title, source, published, author, body},
 * every value a string or null. Blank lines are skipped. Each line is read on its own, so one malformed line
 * does not hide the problems of the others.
 */
final class JsonLinesFormat implements ArticleFormat {

    private final ObjectMapper json = new ObjectMapper();
    private final FieldReader fields = new FieldReader(FieldReader.ARTICLE_FIELDS, false, Map.of());

    @Override
    public List<RawRecord> read(Path file, String text, List<Problem> problems) {
        List<RawRecord> records = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                readLine(file, i + 1, lines[i], problems).ifPresent(records::add);
            }
        }
        return records;
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
