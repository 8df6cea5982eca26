package dev.newsbot.config;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text with {@code {{placeholders}}}. A template must use exactly the placeholders its caller declares: an
 * unknown one (a typo) or a missing one is an error at load time, naming the template and the placeholder, so a
 * bad edit stops the start instead of producing broken messages.
 */
public final class Template {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z_][a-z0-9_]*)\\s*}}");

    private final String name;
    private final String text;

    private Template(String name, String text) {
        this.name = name;
        this.text = text;
    }

    /**
     * @param name         where the text came from, for messages (usually its file)
     * @param required     placeholders the text must use
     * @param optional     placeholders the text may use
     * @throws IllegalArgumentException naming the template and every unknown or missing placeholder
     */
    public static Template parse(String name, String text, Set<String> required, Set<String> optional) {
        Objects.requireNonNull(text, "Template.text must not be null");
        Set<String> used = placeholders(text);
        Set<String> unknown = new LinkedHashSet<>(used);
        unknown.removeAll(required);
        unknown.removeAll(optional);
        Set<String> missing = new LinkedHashSet<>(required);
        missing.removeAll(used);
        if (!unknown.isEmpty() || !missing.isEmpty()) {
            throw new IllegalArgumentException("template " + name + ": "
                    + (unknown.isEmpty() ? "" : "unknown placeholder(s) " + braces(unknown) + "; ")
                    + (missing.isEmpty() ? "" : "missing placeholder(s) " + braces(missing) + "; ")
                    + "allowed: " + braces(union(required, optional)));
        }
        return new Template(name, text);
    }

    static Set<String> placeholders(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /** Fills every placeholder; a value missing from {@code values} is an error naming it. */
    public String render(Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("template " + name + ": no value for {{" + m.group(1) + "}}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    public String name() {
        return name;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static String braces(Set<String> names) {
        return names.stream().map(n -> "{{" + n + "}}").toList().toString();
    }
}
