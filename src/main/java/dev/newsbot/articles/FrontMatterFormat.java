package dev.newsbot.articles;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * One article per file: a YAML front matter between two {@code ---} lines (keys {@code id, url, title, source,
 * published, author}), then the body. Blank lines separate the body's paragraphs; runs of them count as one. In
 * Markdown, when the front matter gives no title, a leading {@code # Heading} line is the title and is taken out
 * of the body. Works on lines, never on a path, so that it reads classpath resources too; holds the front matter
 * and at most {@link ArticleLimits#bodyChars()} of the body.
 */
final class FrontMatterFormat implements ArticleFormat {

    private static final String DELIMITER = "---";
    private static final Pattern HEADING = Pattern.compile("#\\s+(.*?)(?:\\s+#+)?\\s*");

    private static final List<String> KEYS = List.of("id", "url", "title", "source", "published", "author");

    private final YAMLFactory yaml = new YAMLFactory();
    private final FieldReader fields = new FieldReader(KEYS, true,
            Map.of("body", "the body goes after the front matter, not in it"));
    private final boolean markdown;
    private final ArticleLimits limits;

    /**
     * @param markdown whether a leading {@code # Heading} may give the title
     * @param limits   the body limit
     */
    FrontMatterFormat(boolean markdown, ArticleLimits limits) {
        this.markdown = markdown;
        this.limits = limits;
    }

    @Override
    public void read(Path file, BoundedLines lines, List<Problem> problems, Consumer<RawRecord> sink)
            throws IOException {
        BoundedLines.Line first = lines.next();
        if (first == null || first.text().isBlank() && nextNonBlank(lines) == null) {
            return;
        }
        if (!isDelimiter(first.text())) {
            problems.add(new Problem(file, first.number(), null, "no front matter: the file must start with a "
                    + "\"---\" line, then key: value lines such as \"title: ...\", then \"---\" and the body"));
            return;
        }
        StringBuilder frontMatter = new StringBuilder();
        BoundedLines.Line line = lines.next();
        for (; line != null && !isDelimiter(line.text()); line = lines.next()) {
            frontMatter.append(line.text()).append('\n');
        }
        if (line == null) {
            problems.add(new Problem(file, 1, null, "front matter is never closed by a \"---\" line"));
            return;
        }
        RawRecord record = new RawRecord(file, 1);
        if (readYaml(frontMatter.toString(), record, problems)) {
            readBody(lines, line.number() + 1, record, problems);
            sink.accept(record);
        }
    }

    /** Skips blank lines; the first other one, or null at the end (an empty file, which the loader reports). */
    private static BoundedLines.Line nextNonBlank(BoundedLines lines) throws IOException {
        BoundedLines.Line line = lines.next();
        while (line != null && line.text().isBlank()) {
            line = lines.next();
        }
        return line;
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

    /** Reads the body up to the end of the file, keeping no more than the body limit. */
    private void readBody(BoundedLines lines, int firstLine, RawRecord record, List<Problem> problems)
            throws IOException {
        boolean headingAllowed = markdown && record.get("title") == null && !record.isRejected("title");
        Paragraphs body = new Paragraphs(limits.bodyChars());
        for (BoundedLines.Line line = lines.next(); line != null; line = lines.next()) {
            if (headingAllowed && !line.text().isBlank()) {
                headingAllowed = false;
                Matcher heading = HEADING.matcher(line.text().strip());
                if (heading.matches()) {
                    record.put("title", heading.group(1), line.number());
                    continue;
                }
            }
            body.add(line.text());
        }
        if (body.length() > limits.bodyChars()) {
            record.reject("body", firstLine);
            problems.add(record.problem("body", limits.bodyTooLong(body.length())));
        } else {
            record.put("body", body.text(), firstLine);
        }
    }

    /** The lines with blank lines collapsed to one empty line between paragraphs, none at either end. */
    static String paragraphs(List<String> lines) {
        Paragraphs text = new Paragraphs(Integer.MAX_VALUE);
        lines.forEach(text::add);
        return text.text();
    }

    /**
     * Lines joined into paragraphs: runs of blank lines become one empty line between paragraphs, none at either
     * end. Keeps at most {@code limit} characters, and counts the rest.
     */
    private static final class Paragraphs {

        private final StringBuilder text = new StringBuilder();
        private final int limit;
        private long length;
        private boolean gap;

        Paragraphs(int limit) {
            this.limit = limit;
        }

        void add(String line) {
            if (line.isBlank()) {
                gap = length > 0;
                return;
            }
            String separator = length == 0 ? "" : gap ? "\n\n" : "\n";
            length += separator.length() + line.length();
            if (length <= limit) {
                text.append(separator).append(line);
            }
            gap = false;
        }

        long length() {
            return length;
        }

        String text() {
            return text.toString();
        }
    }

    private static boolean isDelimiter(String line) {
        return line.stripTrailing().equals(DELIMITER);
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
