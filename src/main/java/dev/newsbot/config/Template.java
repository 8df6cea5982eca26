package dev.newsbot.config;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text with {@code {{placeholders}}}: the one template parser for prompts, refusals and chat messages. A
 * template must use exactly the placeholders its caller declares: an unknown one (a typo), a missing one, or an
 * unmatched {@code {{} or {@code }}} is an error at load time that names the template, the line and the
 * placeholder, so a bad edit stops the start instead of producing broken messages.
 */
public final class Template {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

    private final String where;
    private final String text;
    private final Set<String> placeholders;

    private Template(String where, String text, Set<String> placeholders) {
        this.where = where;
        this.text = text;
        this.placeholders = Set.copyOf(placeholders);
    }

    /**
     * Parses {@code text}, stripped of surrounding white space.
     *
     * @param where    where the text came from, for messages (a file, or a record field)
     * @param required placeholders the text must use
     * @param optional placeholders the text may use
     * @throws IllegalArgumentException naming {@code where}, the line and the unknown, malformed or missing
     *                                  placeholder, or saying the template is empty
     */
    public static Template parse(String where, String text, Set<String> required, Set<String> optional) {
        Objects.requireNonNull(text, "Template.text must not be null");
        if (text.isBlank()) {
            throw new IllegalArgumentException(where + ": template is empty");
        }
        Set<String> known = new TreeSet<>(required);
        known.addAll(optional);
        Set<String> used = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!known.contains(m.group(1))) {
                throw new IllegalArgumentException(where + ":" + line(text, m.start()) + ": unknown placeholder {{"
                        + m.group(1) + "}}; known here: " + (known.isEmpty() ? "none" : String.join(", ", known)));
            }
            used.add(m.group(1));
        }
        checkStrayBraces(where, text);
        Set<String> missing = new TreeSet<>(required);
        missing.removeAll(used);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(where + ": missing placeholder" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing.stream().map(n -> "{{" + n + "}}").toList()));
        }
        return new Template(where, text.strip(), used);
    }

    /** Fills every placeholder; a value missing from {@code values} is an error naming it. */
    public String render(Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException(where + ": no value for placeholder {{" + m.group(1) + "}}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The text of a template without placeholders. */
    public String render() {
        return render(Map.of());
    }

    /** The text with every placeholder left empty: what a caller checks for its own syntax (HTML, say). */
    public String skeleton() {
        return PLACEHOLDER.matcher(text).replaceAll("");
    }

    /** The text, stripped, with its placeholders. */
    public String text() {
        return text;
    }

    /** Where the text came from, as given to {@link #parse}. */
    public String where() {
        return where;
    }

    /** The placeholders the text uses. */
    public Set<String> placeholders() {
        return placeholders;
    }

    private static void checkStrayBraces(String where, String text) {
        String rest = PLACEHOLDER.matcher(text).replaceAll("");
        if (rest.contains("{{") || rest.contains("}}")) {
            int original = text.indexOf(rest.contains("{{") ? "{{" : "}}");
            throw new IllegalArgumentException(where + ":" + line(text, Math.max(original, 0))
                    + ": malformed placeholder (unmatched '{{' or '}}')");
        }
    }

    private static int line(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
