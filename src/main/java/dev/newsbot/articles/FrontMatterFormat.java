package dev.newsbot.articles;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * One article per file: a YAML front matter between two {@code ---} lines (keys {@code id, url, title, source,
 * published, author}), then the body. Blank lines separate the body's paragraphs; runs of them count as one. In
 * Markdown, when the front matter gives no title, a leading {@code # Heading} line is the title and is taken out
 * of the body. Works on text, never on a path, so that it reads classpath resources too.
 */
final class FrontMatterFormat implements ArticleFormat {

    private static final String DELIMITER = "---";
    private static final Pattern HEADING = Pattern.compile("#\\s+(.*?)(?:\\s+#+)?\\s*");

    private static final List<String> KEYS = List.of("id", "url", "title", "source", "published", "author");

    private final YAMLFactory yaml = new YAMLFactory();
    private final FieldReader fields = new FieldReader(KEYS, true,
            Map.of("body", "the body goes after the front matter, not in it"));
    private final boolean markdown;

    /** @param markdown whether a leading {@code # Heading} may give the title */
    FrontMatterFormat(boolean markdown) {
        this.markdown = markdown;
    }

    @Override
    public List<RawRecord> read(Path file, String text, List<Problem> problems) {
        List<String> lines = List.of(text.split("\n", -1));
        if (!isDelimiter(lines.get(0))) {
            problems.add(new Problem(file, 1, null, "no front matter: the file must start with a \"---\" line, "
                    + "then key: value lines such as \"title: ...\", then \"---\" and the body"));
            return List.of();
        }
        int close = closingDelimiter(lines);
        if (close < 0) {
            problems.add(new Problem(file, 1, null, "front matter is never closed by a \"---\" line"));
            return List.of();
        }
        RawRecord record = new RawRecord(file, 1);
        if (!readYaml(String.join("\n", lines.subList(1, close)), record, problems)) {
            return List.of();
        }
        readBody(new ArrayList<>(lines.subList(close + 1, lines.size())), Math.min(close + 2, lines.size()), record);
        return List.of(record);
    }

    private boolean readYaml(String text, RawRecord record, List<Problem> problems) {
        try (JsonParser parser = yaml.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first != null && first != JsonToken.START_OBJECT) {
                problems.add(new Problem(record.file(), 2, null, "front matter must be key: value lines"));
                return false;
            }
            if (first != null) {
                fields.read(parser, record, 1, problems);
            }
            return true;
        } catch (JsonProcessingException e) {
            problems.add(yamlProblem(record.file(), e));
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        }
    }

    private void readBody(List<String> body, int firstLine, RawRecord record) {
        if (markdown && record.get("title") == null && !record.isRejected("title")) {
            takeHeading(body, firstLine, record);
        }
        record.put("body", paragraphs(body), firstLine);
    }

    private static void takeHeading(List<String> body, int firstLine, RawRecord record) {
        int index = 0;
        while (index < body.size() && body.get(index).isBlank()) {
            index++;
        }
        Matcher heading = index < body.size() ? HEADING.matcher(body.get(index).strip()) : null;
        if (heading != null && heading.matches()) {
            record.put("title", heading.group(1), firstLine + index);
            body.remove(index);
        }
    }

    /** The lines with blank lines collapsed to one empty line between paragraphs, none at either end. */
    static String paragraphs(List<String> lines) {
        StringBuilder text = new StringBuilder();
        boolean gap = false;
        for (String line : lines) {
            if (line.isBlank()) {
                gap = text.length() > 0;
                continue;
            }
            if (text.length() > 0) {
                text.append(gap ? "\n\n" : "\n");
            }
            text.append(line);
            gap = false;
        }
        return text.toString();
    }

    private static boolean isDelimiter(String line) {
        return line.stripTrailing().equals(DELIMITER);
    }

    private static int closingDelimiter(List<String> lines) {
        for (int i = 1; i < lines.size(); i++) {
            if (isDelimiter(lines.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static Problem yamlProblem(Path file, JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            return new Problem(file, 2 + yaml.getProblemMark().getLine(), null,
                    "front matter is not valid YAML: " + yaml.getProblem());
        }
        int line = e.getLocation() == null ? 0 : 1 + e.getLocation().getLineNr();
        return new Problem(file, line, null, "front matter is not valid YAML: "
                + e.getOriginalMessage().lines().findFirst().orElse("unreadable"));
    }
}
