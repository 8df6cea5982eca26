package dev.newsbot.eval;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.newsbot.eval.QuestionFileException.Problem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an evaluation {@code questions.jsonl} file: one JSON object per line with the fields {@code id},
 * {@code question}, {@code asked_on} (ISO date), {@code type}, {@code answerable} (boolean), and the string lists
 * {@code gold_urls}, {@code answers}, {@code distractors} and {@code evidence}.
 *
 * <p>The first five fields are required and the texts must not be blank; a list that is absent or null is read as
 * empty, but its elements must be non-blank strings. Blank lines are skipped and unknown fields ignored. Ids must be
 * unique within the file. Either the whole file loads or a {@link QuestionFileException} lists every problem with
 * its line and field.
 */
public final class QuestionLoader {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private QuestionLoader() {
    }

    /**
     * Loads every question of a UTF-8 JSON Lines file, in file order.
     *
     * @return the questions, immutable
     * @throws QuestionFileException when any line is malformed or has a missing or invalid field
     * @throws UncheckedIOException  when the file cannot be read
     */
    public static List<EvalQuestion> load(Path file) {
        List<String> lines = readLines(file);
        List<Problem> problems = new ArrayList<>();
        List<EvalQuestion> questions = new ArrayList<>();
        Map<String, Integer> lineOfId = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int line = i + 1;
            String text = i == 0 && lines.get(0).startsWith("\uFEFF") ? lines.get(0).substring(1) : lines.get(i);
            if (!text.isBlank()) {
                new LineReader(line, problems).read(text)
                        .filter(q -> isFirstUse(q.id(), line, lineOfId, problems))
                        .ifPresent(questions::add);
            }
        }
        if (!problems.isEmpty()) {
            throw new QuestionFileException(file, problems);
        }
        return List.copyOf(questions);
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read question file " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean isFirstUse(String id, int line, Map<String, Integer> lineOfId, List<Problem> problems) {
        Integer first = lineOfId.putIfAbsent(id, line);
        if (first != null) {
            problems.add(new Problem(line, "id", "duplicate id \"" + id + "\", first used on line " + first));
        }
        return first == null;
    }

    /** Jackson's message without the parser details that mean nothing to the file's author. */
    private static String reason(JsonProcessingException e) {
        String reason = e.getOriginalMessage().lines().findFirst().orElse("");
        for (String detail : List.of(" (start marker at", " (bound as")) {
            int at = reason.indexOf(detail);
            reason = at >= 0 ? reason.substring(0, at) : reason;
        }
        return reason;
    }

    private static String kind(JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    /** Reads the fields of one line, adding a problem for each field that is missing or invalid. */
    private static final class LineReader {

        private final int line;
        private final List<Problem> problems;
        private final int problemsBefore;

        LineReader(int line, List<Problem> problems) {
            this.line = line;
            this.problems = problems;
            this.problemsBefore = problems.size();
        }

        /** The question, or empty when the line has problems (which are then recorded). */
        Optional<EvalQuestion> read(String text) {
            return parse(text).flatMap(this::question);
        }

        private Optional<EvalQuestion> question(JsonNode node) {
            String id = text(node, "id");
            String question = text(node, "question");
            LocalDate askedOn = date(node, "asked_on");
            String type = text(node, "type");
            boolean answerable = bool(node, "answerable");
            List<String> goldUrls = list(node, "gold_urls");
            List<String> answers = list(node, "answers");
            List<String> distractors = list(node, "distractors");
            List<String> evidence = list(node, "evidence");
            if (problems.size() > problemsBefore) {
                return Optional.empty();
            }
            return Optional.of(new EvalQuestion(id, question, askedOn, type, answerable, goldUrls, answers,
                    distractors, evidence));
        }

        private Optional<JsonNode> parse(String text) {
            try {
                JsonNode node = JSON.readTree(text);
                if (node.isObject()) {
                    return Optional.of(node);
                }
                problem(null, "expected a JSON object, was " + kind(node));
            } catch (JsonProcessingException e) {
                problem(null, "malformed JSON at column " + e.getLocation().getColumnNr() + ": " + reason(e));
            }
            return Optional.empty();
        }

        private String text(JsonNode node, String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                problem(field, "missing");
            } else if (!value.isTextual()) {
                problem(field, "expected a string, was " + kind(value));
            } else if (value.textValue().isBlank()) {
                problem(field, "must not be blank");
            } else {
                return value.textValue();
            }
            return null;
        }

        private LocalDate date(JsonNode node, String field) {
            String text = text(node, field);
            try {
                return text == null ? null : LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                problem(field, "not an ISO date (yyyy-mm-dd): \"" + text + "\"");
                return null;
            }
        }

        private boolean bool(JsonNode node, String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                problem(field, "missing");
            } else if (!value.isBoolean()) {
                problem(field, "expected true or false, was " + kind(value));
            }
            return value != null && value.booleanValue();
        }

        private List<String> list(JsonNode node, String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return List.of();
            }
            if (!value.isArray()) {
                problem(field, "expected an array of strings, was " + kind(value));
                return List.of();
            }
            List<String> items = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                item(value.get(i), field + "[" + i + "]").ifPresent(items::add);
            }
            return items;
        }

        private Optional<String> item(JsonNode value, String field) {
            if (!value.isTextual()) {
                problem(field, "expected a string, was " + kind(value));
            } else if (value.textValue().isBlank()) {
                problem(field, "must not be blank");
            } else {
                return Optional.of(value.textValue());
            }
            return Optional.empty();
        }

        private void problem(String field, String message) {
            problems.add(new Problem(line, field, message));
        }
    }
}
