package dev.newsbot.articles;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Reads one flat object of text fields from a Jackson parser (JSON or YAML) into a {@link RawRecord}, reporting
 * unknown fields, repeated fields and values that are not text.
 */
final class FieldReader {

    static final List<String> ARTICLE_FIELDS = List.of("id", "url", "title", "source", "published", "author", "body");

    static final String ALIAS = "YAML aliases (*name) are not allowed; write the value out";

    private final List<String> allowed;
    private final boolean scalarsAsText;
    private final Map<String, String> misplaced;

    /**
     * @param allowed       the field names accepted
     * @param scalarsAsText whether numbers and booleans keep their text (YAML) instead of being wrong types (JSON)
     * @param misplaced     messages for known fields that do not belong here
     */
    FieldReader(List<String> allowed, boolean scalarsAsText, Map<String, String> misplaced) {
        this.allowed = List.copyOf(allowed);
        this.scalarsAsText = scalarsAsText;
        this.misplaced = Map.copyOf(misplaced);
    }

    /**
     * Reads the fields of the object whose {@code START_OBJECT} the parser has just returned, up to its end.
     *
     * @param lineOffset added to the parser's line numbers to give lines of the file
     */
    void read(JsonParser parser, RawRecord record, int lineOffset, List<Problem> problems) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            int line = lineOffset + parser.currentTokenLocation().getLineNr();
            boolean aliasedName = isAlias(parser);
            JsonToken value = parser.nextToken();
            String problem = aliasedName || isAlias(parser) ? rejectAlias(name, line, record)
                    : readField(parser, name, value, line, record);
            if (problem != null) {
                problems.add(new Problem(record.file(), line, name, problem));
                parser.skipChildren();
            }
        }
    }

    /**
     * A YAML alias ({@code *name}): Jackson hands it on as the anchor's name, not its value, and aliases nest into
     * "billion laughs" documents. Front matter has no use for them. (An anchor alone, {@code &name}, is harmless:
     * the value is read as written.)
     */
    private static boolean isAlias(JsonParser parser) {
        return parser instanceof YAMLParser yaml && yaml.isCurrentAlias();
    }

    private static String rejectAlias(String name, int line, RawRecord record) {
        if (!record.seen(name)) {
            record.reject(name, line);
        }
        return ALIAS;
    }

    /** Stores the field, or returns what is wrong with it. */
    private String readField(JsonParser parser, String name, JsonToken value, int line, RawRecord record)
            throws IOException {
        if (!allowed.contains(name)) {
            return misplaced.getOrDefault(name, unknown(name));
        }
        if (record.seen(name)) {
            return "given more than once (first on line " + record.lineOf(name) + ")";
        }
        if (value == JsonToken.VALUE_STRING || value == JsonToken.VALUE_NULL
                || value.isScalarValue() && scalarsAsText) {
            record.put(name, value == JsonToken.VALUE_NULL ? null : parser.getText(), line);
            return null;
        }
        record.reject(name, line);
        return "expected a string, found " + describe(parser, value);
    }

    private String unknown(String name) {
        String closest = allowed.stream().min(Comparator.comparingInt(f -> distance(f, name))).orElseThrow();
        String hint = distance(closest, name) <= 2 ? "; did you mean \"" + closest + "\"?" : "";
        return "unknown field" + hint + " (allowed: " + String.join(", ", allowed) + ")";
    }

    private static String describe(JsonParser parser, JsonToken value) throws IOException {
        return switch (value) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean (" + parser.getText() + ")";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number (" + parser.getText() + ")";
            default -> value.toString();
        };
    }

    /** Levenshtein distance, for suggesting the field a typo meant. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
