package dev.newsbot.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The typed check every configuration value goes through, wherever it was written (the file or an environment
 * variable), before it is bound to {@link NewsbotConfig}: each key of the YAML tree must be a known key or section,
 * and each value must be of its key's {@link Kind}. Nothing is coerced: {@code 5.7} is not a whole number,
 * {@code NaN} and infinities are not numbers, {@code "7"} is text, and a key with no value or an empty one is
 * refused (leave the key out for its default). A section with no keys under it is allowed (as null). The records then check ranges and meaning.
 *
 * <p>Every problem is a {@link ConfigLoader.ConfigException} of one line: where the value came from, the key and
 * the problem.
 */
final class ConfigValues {

    /** What a key takes, decided by the Java type of its record component. */
    enum Kind {
        /** An {@code int}: a whole number, no fraction. */
        WHOLE_NUMBER,
        /** A {@code double}: a finite number. */
        NUMBER,
        /** {@code true} or {@code false}. */
        FLAG,
        /** Text, not empty (a number is taken as written). */
        TEXT,
        /** A list of whole numbers ({@code long}). */
        WHOLE_NUMBERS,
        TEXTS,
        /** A map of names to lists of text (the article sets). */
        LISTS_BY_NAME;

        /** The kind of a record component's type; a type with no kind is a programming error. */
        static Kind of(Type type, String path) {
            if (type == Integer.class) {
                return WHOLE_NUMBER;
            } else if (type == Double.class) {
                return NUMBER;
            } else if (type == Boolean.class) {
                return FLAG;
            } else if (type == String.class) {
                return TEXT;
            } else if (type.getTypeName().equals("java.util.List<java.lang.Long>")) {
                return WHOLE_NUMBERS;
            } else if (type.getTypeName().equals("java.util.List<java.lang.String>")) {
                return TEXTS;
            } else if (type.getTypeName().equals("java.util.Map<java.lang.String, java.util.List<java.lang.String>>")) {
                return LISTS_BY_NAME;
            }
            throw new IllegalStateException(path + ": no kind of configuration value for " + type.getTypeName());
        }
    }

    private final UnaryOperator<String> origin;

    /** @param origin where the value of a key (a dotted path) came from: the file, or an environment variable */
    private ConfigValues(UnaryOperator<String> origin) {
        this.origin = origin;
    }

    /** Checks every key and value of {@code tree}; throws on the first problem. */
    static void check(ObjectNode tree, UnaryOperator<String> origin) {
        new ConfigValues(origin).section(tree, "");
    }

    private void section(ObjectNode node, String prefix) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            ConfigKeys.Key key = ConfigKeys.byPath().get(path);
            JsonNode value = field.getValue();
            if (key != null) {
                value(key, value);
            } else if (!ConfigKeys.sections().contains(path)) {
                fail(path, "unknown key " + path + " (" + (prefix.isEmpty() ? "the keys are " : prefix + " has ")
                        + known(prefix) + ")");
            } else if (value.isObject()) {
                section((ObjectNode) value, path);
            } else if (isEmpty(value)) {
                node.putNull(field.getKey());
            } else {
                fail(path, path + " must be a section of keys (" + known(path) + "), was " + shown(value));
            }
        }
    }

    private void value(ConfigKeys.Key key, JsonNode value) {
        String path = key.path();
        if (isEmpty(value)) {
            fail(path, path + " has no value; write one, or leave the key out for its default");
        }
        switch (key.kind()) {
            case WHOLE_NUMBER -> wholeNumber(path, value, true);
            case NUMBER -> {
                if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
                    fail(path, path + " must be a finite number, was " + shown(value));
                }
            }
            case FLAG -> {
                if (!value.isBoolean()) {
                    fail(path, path + " must be true or false, was " + shown(value));
                }
            }
            case TEXT -> text(path, value);
            case WHOLE_NUMBERS -> {
                list(path, value, "a list of whole numbers");
                for (int i = 0; i < value.size(); i++) {
                    wholeNumber(path + "[" + i + "]", value.get(i), false);
                }
            }
            case TEXTS -> {
                list(path, value, "a list of text");
                for (int i = 0; i < value.size(); i++) {
                    text(path + "[" + i + "]", value.get(i));
                }
            }
            case LISTS_BY_NAME -> listsByName(path, value);
        }
    }

    private void wholeNumber(String path, JsonNode value, boolean isInt) {
        if (!value.isIntegralNumber()) {
            fail(path, path + " must be a whole number, was " + shown(value));
        }
        if (isInt ? !value.canConvertToInt() : !value.canConvertToLong()) {
            fail(path, path + " is out of range, was " + shown(value));
        }
    }

    private void text(String path, JsonNode value) {
        if (!value.isTextual() && !value.isNumber()) {
            fail(path, path + " must be text, was " + shown(value));
        }
    }

    private void list(String path, JsonNode value, String what) {
        if (!value.isArray()) {
            fail(path, path + " must be " + what + " ([a, b]), was " + shown(value));
        }
    }

    /** The article sets: a map of names to lists of paths ({@link NewsbotConfig.Articles} checks the rest). */
    private void listsByName(String path, JsonNode value) {
        if (!value.isObject()) {
            fail(path, path + " must map each set's name to its files and folders, was " + shown(value));
        }
        for (Map.Entry<String, JsonNode> set : value.properties()) {
            String name = path + "." + set.getKey();
            if (isEmpty(set.getValue())) {
                fail(name, name + " lists no files or folders; list them, such as [/srv/news/, extra.jsonl]");
            }
            list(name, set.getValue(), "a list of files and folders");
            for (int i = 0; i < set.getValue().size(); i++) {
                JsonNode item = set.getValue().get(i);
                if (!item.isTextual()) {
                    fail(name, name + "[" + i + "] must be a file or folder, was " + shown(item));
                }
            }
        }
    }

    /** Nothing written: {@code key:} alone (YAML reads it as null or as empty text), or blank text. */
    private static boolean isEmpty(JsonNode value) {
        return value.isNull() || value.isTextual() && value.asText().isBlank();
    }

    private static String known(String section) {
        String prefix = section.isEmpty() ? "" : section + ".";
        return ConfigKeys.byPath().keySet().stream()
                .filter(p -> p.startsWith(prefix))
                .map(p -> p.substring(prefix.length()).split("\\.")[0])
                .distinct().sorted().collect(Collectors.joining(", "));
    }

    /** A value as the message shows it: text quoted, on one line, at most 80 characters. */
    static String shown(JsonNode value) {
        String text = value.isTextual() ? "\"" + value.asText() + "\"" : value.isMissingNode() ? "nothing"
                : value.toString();
        text = text.replaceAll("\\p{Cntrl}", " ");
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }

    private void fail(String path, String problem) {
        throw new ConfigLoader.ConfigException(origin.apply(path) + ": " + problem);
    }
}
